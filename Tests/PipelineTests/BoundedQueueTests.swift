import Dispatch
import Pipeline
import Testing

/// The queue between stages: order, blocking, finishing, cancelling and receiving with a deadline.
@Suite struct BoundedQueueTests {
    @Test("elements come out in the order they went in, across many wraps of the ring")
    func firstInFirstOut() throws {
        let queue = BoundedQueue<Int>(capacity: 3)
        let source = feed(queue, 0 ..< 1_000)
        let received = drain(queue).result()
        #expect(received == Array(0 ..< 1_000))
        #expect(source.result() == 1_000)
    }

    @Test("finish lets receivers drain what is left, then gives nil; a send after finish is refused")
    func finishDrains() {
        let queue = BoundedQueue<String>(capacity: 4)
        #expect(queue.send("a") && queue.send("b"))
        queue.finish()
        #expect(!queue.send("c"))
        #expect(queue.count == 2)
        #expect(queue.receive() == "a")
        #expect(queue.receive() == "b")
        #expect(queue.receive() == nil)
        #expect(queue.receive() == nil)
    }

    @Test("finish wakes every receiver blocked on the empty queue")
    func finishWakesReceivers() {
        let queue = BoundedQueue<Int>(capacity: 1)
        let receivers = (0 ..< 3).map { _ in Background { queue.receive() == nil } }
        queue.finish()
        #expect(receivers.map { $0.result() } == [true, true, true])
    }

    @Test("receive(before:) times out on an empty open queue, gives an element when there is one, ends after finish")
    func receiveWithDeadline() {
        let queue = BoundedQueue<Int>(capacity: 2)
        #expect(queue.receive(before: .now() + .milliseconds(20)) == .timedOut)
        #expect(queue.send(7))
        #expect(queue.receive(before: .now() + .seconds(10)) == .element(7))
        queue.finish()
        #expect(queue.receive(before: .now() + .seconds(10)) == .ended)
    }

    @Test("a full queue blocks the sender until a receiver makes room")
    func fullQueueBlocksSender() {
        let queue = BoundedQueue<Int>(capacity: 2)
        let taken = Counter()
        let source = feed(queue, 0 ..< 3, taken: taken)
        #expect(eventually { taken.value == 3 })
        #expect(queue.count == 2)
        #expect(source.result(within: .milliseconds(50)) == nil)
        #expect(queue.receive() == 0)
        #expect(source.result() == 3)
    }

    @Test("cancel wakes blocked senders (false) and receivers (nil) and drops pending elements")
    func cancelWakesEveryone() {
        let full = BoundedQueue<Int>(capacity: 1)
        #expect(full.send(1))
        let senders = (0 ..< 3).map { item in Background { full.send(item) } }
        let empty = BoundedQueue<Int>(capacity: 1)
        let receivers = (0 ..< 3).map { _ in Background { empty.receive() } }
        full.cancel()
        empty.cancel()
        #expect(senders.map { $0.result() } == [false, false, false])
        #expect(receivers.map { $0.result() } == [.some(nil), .some(nil), .some(nil)])
        #expect(full.count == 0 && full.isCancelled)
        #expect(full.receive() == nil)
        #expect(full.receive(before: .now() + .seconds(10)) == .ended)
    }
}
