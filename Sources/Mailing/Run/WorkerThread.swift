import Foundation
import Synchronization

/// A thread that makes its own thread-bound resources (a `Connection`, an `HTTPClient`: STYLE.md says they
/// are created by the worker that uses them) and then works with them until it is done.
enum WorkerThread {
    /// Starts the thread, runs `setup` on it and waits for that: a setup failure (the database is
    /// unreachable) is thrown here, before any work starts. `body` then runs on the thread with what setup
    /// made; the returned semaphore is signalled when it returns.
    static func start<Resource>(setup: @escaping @Sendable () throws -> Resource,
                                body: @escaping @Sendable (Resource) -> Void) throws -> DispatchSemaphore {
        let ready = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        Thread.detachNewThread {
            let resource: Resource
            do {
                resource = try setup()
            } catch {
                failure.withLock { $0 = error }
                ready.signal()
                done.signal()
                return
            }
            ready.signal()
            body(resource)
            done.signal()
        }
        ready.wait()
        if let error = failure.withLock({ $0 }) { throw error }
        return done
    }
}
