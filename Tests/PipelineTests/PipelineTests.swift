import Foundation
import Pipeline
import Synchronization
import Testing

/// Stages joined by queues: order, exactly-once delivery, backpressure, flattening and per-worker resources.
@Suite struct PipelineTests {
    @Test("with one worker per stage, items leave in the order they came")
    func firstInFirstOutWithOneWorker() throws {
        let pipeline = Pipeline()
        let input = BoundedQueue<Int>(capacity: 8)
        let doubled = pipeline.add(Map { $0 * 2 }, workers: 1, input: input, capacity: 4, name: "double")
        let output = pipeline.add(Map { String($0) }, workers: 1, input: doubled, capacity: 4, name: "describe")
        let source = feed(input, 0 ..< 1_000)
        let received = try #require(drain(output).result())
        #expect(received == (0 ..< 1_000).map { String($0 * 2) })
        #expect(try pipeline.wait(before: .now() + 10))
        #expect(source.result() == 1_000)
        #expect(!pipeline.cancellation.isCancelled)
    }

    @Test("with 4 workers, each of 10,000 items is processed exactly once")
    func everyItemExactlyOnce() throws {
        let pipeline = Pipeline()
        let input = BoundedQueue<Int>(capacity: 16)
        let processed = Counter()
        let output = pipeline.add(Map { item in
            processed.increment()
            return item
        }, workers: 4, input: input, capacity: 16, name: "identity")
        _ = feed(input, 0 ..< 10_000)
        let received = try #require(drain(output).result())
        #expect(try pipeline.wait(before: .now() + 10))
        #expect(received.sorted() == Array(0 ..< 10_000))
        #expect(processed.value == 10_000)
    }

    /// The most items that can have left the source but not reached the sink: every queue full, every
    /// worker holding one item it cannot send, and the source holding one it cannot send.
    @Test("a sink that does not keep up holds the source back: at most the queues' capacities plus the items in hand")
    func backpressureBoundsItemsInFlight() throws {
        let pipeline = Pipeline()
        let (inputCapacity, middleCapacity, outputCapacity, firstWorkers, secondWorkers) = (5, 3, 2, 2, 3)
        let bound = inputCapacity + middleCapacity + outputCapacity + firstWorkers + secondWorkers + 1
        let input = BoundedQueue<Int>(capacity: inputCapacity)
        let middle = pipeline.add(Map { $0 }, workers: firstWorkers, input: input, capacity: middleCapacity,
                                  name: "first")
        let output = pipeline.add(Map { $0 }, workers: secondWorkers, input: middle, capacity: outputCapacity,
                                  name: "second")
        let taken = Counter()
        let source = feed(input, 0 ..< 2_000, taken: taken)

        #expect(eventually { taken.value == bound })
        Thread.sleep(forTimeInterval: 0.1)
        #expect(taken.value == bound, "the source ran ahead of a sink that took nothing")

        let sink = Background { () -> (worstInFlight: Int, received: [Int]) in
            var worstInFlight = 0
            var received: [Int] = []
            while let item = output.receive() {
                received.append(item)
                worstInFlight = max(worstInFlight, taken.value - received.count)
                if received.count % 100 == 0 {
                    Thread.sleep(forTimeInterval: 0.002)
                }
            }
            return (worstInFlight, received)
        }
        let drained = try #require(sink.result())
        #expect(drained.worstInFlight <= bound)
        #expect(drained.received.sorted() == Array(0 ..< 2_000))
        #expect(source.result() == 2_000)
        #expect(try pipeline.wait(before: .now() + 10))
    }

    @Test("a flattening stage sends each element of its output sequence on its own")
    func flattening() throws {
        let pipeline = Pipeline()
        let batches = BoundedQueue<Int>(capacity: 2)
        let letters = pipeline.addFlattening(Map { batch in (0 ..< 100).map { batch * 100 + $0 } }, workers: 1,
                                             input: batches, capacity: 7, name: "split")
        _ = feed(batches, 0 ..< 50)
        let received = try #require(drain(letters).result())
        #expect(received == Array(0 ..< 5_000))
        #expect(try pipeline.wait(before: .now() + 10))
    }

    @Test("makeWorker runs once per worker, on the thread that then processes that worker's items")
    func makeWorkerOncePerWorkerOnItsThread() throws {
        let pipeline = Pipeline()
        let made = Counter()
        let input = BoundedQueue<Int>(capacity: 8)
        let output = pipeline.add(ThreadBoundStage(made: made), workers: 4, input: input, capacity: 8,
                                  name: "thread-bound")
        _ = feed(input, 0 ..< 2_000)
        let received = try #require(drain(output).result())
        #expect(try pipeline.wait(before: .now() + 10))
        #expect(made.value == 4)
        #expect(received.count == 2_000)
        #expect(received.allSatisfy { $0.onOwnThread })
        #expect(Set(received.map(\.worker)).count <= 4)
    }
}

/// A stage whose worker remembers the thread that made it, like a libpq connection bound to its thread.
struct ThreadBoundStage: Stage {
    final class Resource {
        let thread = pthread_self()
        let id: Int

        init(id: Int) {
            self.id = id
        }
    }

    let made: Counter

    func makeWorker() -> Resource {
        Resource(id: made.increment())
    }

    func process(_ input: Int, worker: Resource) -> (worker: Int, onOwnThread: Bool) {
        (worker.id, pthread_equal(worker.thread, pthread_self()) != 0)
    }
}
