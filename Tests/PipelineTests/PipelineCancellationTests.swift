import Foundation
import Pipeline
import Testing

/// How a pipeline stops: a stage's error, a cancellation from outside, a worker that cannot start.
@Suite struct PipelineCancellationTests {
    @Test("an error in a middle stage cancels every queue, wakes blocked workers, and wait() rethrows it")
    func middleStageErrorStopsEverything() throws {
        let pipeline = Pipeline()
        let input = BoundedQueue<Int>(capacity: 4)
        let delivered = Counter()
        let first = pipeline.add(Map { $0 }, workers: 1, input: input, capacity: 4, name: "first")
        let middle = pipeline.add(Map { item in
            // Fail only once the source is blocked on a full queue and the sink waits on an empty one.
            if item == 5 {
                _ = eventually { input.count == input.capacity && delivered.value == 5 }
                throw StageFailure(item: item)
            }
            return item
        }, workers: 1, input: first, capacity: 4, name: "middle")
        let output = pipeline.add(Map { $0 }, workers: 3, input: middle, capacity: 4, name: "last")
        let source = feed(input, 0 ..< 1_000_000)
        let sink = Background { () -> Int in
            while output.receive() != nil {
                delivered.increment()
            }
            return delivered.value
        }

        #expect(throws: StageFailure(item: 5)) { try pipeline.wait(before: .now() + 10) }
        #expect(sink.result() == 5)
        #expect(try #require(source.result()) < 1_000_000)
        #expect(pipeline.cancellation.reason?.hasPrefix("stage middle failed") == true)
        #expect(input.isCancelled && first.isCancelled && middle.isCancelled && output.isCancelled)
    }

    @Test("cancelling mid-run, through the pipeline or its shared Cancellation, stops every worker and wait() returns",
          arguments: [true, false])
    func cancellationMidRun(throughPipeline: Bool) throws {
        let cancellation = Cancellation()
        let pipeline = Pipeline(cancellation: cancellation)
        let input = BoundedQueue<Int>(capacity: 8)
        let slow = pipeline.add(Map { item in
            Thread.sleep(forTimeInterval: 0.001)
            return item
        }, workers: 2, input: input, capacity: 8, name: "slow")
        let output = pipeline.addFlattening(Map { [$0, $0] }, workers: 2, input: slow, capacity: 8, name: "twice")
        let source = feed(input, 0 ..< 1_000_000)
        let received = Counter()
        let sink = Background { () -> Bool in
            while output.receive() != nil {
                received.increment()
            }
            return true
        }
        #expect(eventually { received.value >= 50 })
        if throughPipeline {
            pipeline.cancel("operator asked to pause")
        } else {
            cancellation.cancel("operator asked to pause")
        }

        #expect(try pipeline.wait(before: .now() + 10), "wait() did not return after cancellation")
        #expect(sink.result() == true)
        #expect(try #require(source.result()) < 1_000_000)
        #expect(cancellation.reason == "operator asked to pause")
    }

    @Test("a cancellation before any stage is added still cancels the queues added later")
    func cancelledBeforeAdding() throws {
        let pipeline = Pipeline()
        pipeline.cancel("stopped early")
        let input = BoundedQueue<Int>(capacity: 1)
        let output = pipeline.add(Map { $0 }, workers: 1, input: input, capacity: 1, name: "late")
        #expect(!input.send(1))
        #expect(output.receive() == nil)
        #expect(try pipeline.wait(before: .now() + 10))
    }

    @Test("a worker whose makeWorker throws stops the pipeline and wait() rethrows the error")
    func makeWorkerErrorStopsThePipeline() throws {
        let pipeline = Pipeline()
        let input = BoundedQueue<Int>(capacity: 2)
        let output = pipeline.add(UnstartableStage(), workers: 2, input: input, capacity: 2, name: "unstartable")
        let source = feed(input, 0 ..< 1_000)
        #expect(throws: StageFailure(item: -1)) { try pipeline.wait(before: .now() + 10) }
        #expect(output.receive() == nil)
        #expect(try #require(source.result()) < 1_000)
    }

    @Test("only the first stage error is rethrown; one thrown after the cancellation it caused is not kept")
    func firstErrorWins() throws {
        let pipeline = Pipeline()
        let input = BoundedQueue<Int>(capacity: 2)
        let output = pipeline.add(Map { item -> Int in
            if item == 2 {
                _ = eventually { pipeline.cancellation.isCancelled }
            }
            throw StageFailure(item: item)
        }, workers: 2, input: input, capacity: 2, name: "failing")
        #expect(input.send(2) && input.send(1))
        #expect(throws: StageFailure(item: 1)) { try pipeline.wait(before: .now() + 10) }
        #expect(output.receive() == nil)
    }
}

/// A stage whose workers cannot get their resources (a database that refuses connections).
struct UnstartableStage: Stage {
    func makeWorker() throws -> Int {
        throw StageFailure(item: -1)
    }

    func process(_ input: Int, worker: Int) -> Int {
        input
    }
}
