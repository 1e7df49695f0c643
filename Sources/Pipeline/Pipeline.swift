public import Dispatch
import Synchronization

/// Stages joined by bounded queues, each stage run by its own pool of workers, one serial `DispatchQueue`
/// (and so one thread at a time) per worker.
///
/// The caller feeds the first queue and drains the last one on its own threads; `add` starts a stage
/// between two queues. When a stage's input ends and all its workers are done, its output is finished, so
/// the end of input flows down the pipeline. A stage that throws cancels everything and `wait()` rethrows
/// the error. Cancelling (here or through `cancellation`) cancels every queue, so workers blocked on a full
/// or empty queue wake at once; a worker inside `process` stops when that call returns.
public final class Pipeline: Sendable {
    /// Shared with whoever may stop the pipeline; cancelling it cancels the pipeline.
    public let cancellation: Cancellation
    private let running = DispatchGroup()
    private let firstError = Mutex<(any Error)?>(nil)

    /// An empty pipeline stopped by `cancellation` (a fresh one unless the caller shares one, e.g. with a
    /// `SignalTrap` handler).
    public init(cancellation: Cancellation = Cancellation()) {
        self.cancellation = cancellation
    }

    /// Starts `workers` workers (at least 1: fewer is a programmer error) of `stage` reading `input`, and
    /// returns the stage's output queue of capacity `capacity`. `name` appears in the cancellation reason
    /// and the workers' queue labels.
    public func add<S: Stage>(_ stage: S, workers: Int, input: BoundedQueue<S.Input>, capacity: Int, name: String)
        -> BoundedQueue<S.Output> {
        start(stage, workers: workers, input: input, capacity: capacity, name: name) { output, queue in
            queue.send(output)
        }
    }

    /// As `add`, but each output is a sequence sent element by element (a batch of letters in, letters out).
    public func addFlattening<S: Stage>(_ stage: S, workers: Int, input: BoundedQueue<S.Input>, capacity: Int,
                                        name: String) -> BoundedQueue<S.Output.Element>
        where S.Output: Sequence, S.Output.Element: Sendable {
        start(stage, workers: workers, input: input, capacity: capacity, name: name) { outputs, queue in
            for output in outputs {
                guard queue.send(output) else { return false }
            }
            return true
        }
    }

    /// Blocks until every stage's workers have finished; rethrows the first error a stage threw. A plain
    /// cancellation returns normally: ask `cancellation.isCancelled`. Call it from a thread, not a task.
    public func wait() throws {
        running.wait()
        try rethrowFirstError()
    }

    /// As `wait()`, but gives up at `deadline`: true when every worker finished, false when time ran out.
    public func wait(before deadline: DispatchTime) throws -> Bool {
        guard running.wait(timeout: deadline) == .success else { return false }
        try rethrowFirstError()
        return true
    }

    /// Stops everything now: cancels `cancellation` with `reason`, and so every queue.
    public func cancel(_ reason: String) {
        cancellation.cancel(reason)
    }

    /// Starts the workers of one stage; `emit` hands one result to the output queue, false once it is cancelled.
    private func start<S: Stage, Output: Sendable>(
        _ stage: S, workers: Int, input: BoundedQueue<S.Input>, capacity: Int, name: String,
        emit: @escaping @Sendable (S.Output, BoundedQueue<Output>) -> Bool
    ) -> BoundedQueue<Output> {
        precondition(workers >= 1, "stage \(name) needs at least 1 worker, not \(workers)")
        let output = BoundedQueue<Output>(capacity: capacity)
        cancellation.onCancel {
            input.cancel()
            output.cancel()
        }
        let stageWorkers = DispatchGroup()
        running.enter()
        for index in 1 ... workers {
            stageWorkers.enter()
            DispatchQueue(label: "dpi-batch.pipeline.\(name).\(index)").async {
                defer { stageWorkers.leave() }
                do {
                    let worker = try stage.makeWorker()
                    while let item = input.receive() {
                        guard emit(try stage.process(item, worker: worker), output) else { return }
                    }
                } catch {
                    self.fail(error, in: name)
                }
            }
        }
        stageWorkers.notify(queue: .global()) {
            output.finish()
            self.running.leave()
        }
        return output
    }

    /// Keeps the first error and cancels the pipeline. An error thrown once the pipeline is already cancelled
    /// is taken as a consequence of that cancellation and not kept.
    private func fail(_ error: any Error, in stage: String) {
        let isFirst = firstError.withLock { first in
            guard first == nil, !cancellation.isCancelled else { return false }
            first = error
            return true
        }
        if isFirst {
            cancel("stage \(stage) failed: \(error)")
        }
    }

    private func rethrowFirstError() throws {
        if let error = firstError.withLock({ $0 }) {
            throw error
        }
    }
}
