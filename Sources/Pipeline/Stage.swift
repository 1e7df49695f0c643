/// A synchronous step of a pipeline that knows nothing of threads, so it is tested like a pure function.
///
/// The runtime calls `makeWorker` once on each worker's own thread, then `process` on that thread for every
/// item the worker takes. `Worker` holds per-thread resources (a database connection, an HTTP session) that
/// need not be `Sendable`, since they never leave the thread that made them.
public protocol Stage: Sendable {
    /// What the stage takes from its input queue.
    associatedtype Input: Sendable
    /// What the stage hands to its output queue.
    associatedtype Output: Sendable
    /// A worker's own resources; `Void` when the stage needs none.
    associatedtype Worker = Void

    /// Makes one worker's resources, on that worker's thread; a thrown error stops the whole pipeline.
    func makeWorker() throws -> Worker

    /// Turns one input into its output with the worker's resources; a thrown error stops the whole pipeline.
    func process(_ input: Input, worker: Worker) throws -> Output
}

extension Stage where Worker == Void {
    /// A stage without per-worker resources needs no worker setup.
    public func makeWorker() {}
}
