import Foundation
import Pipeline
import Postgres
import Synchronization

/// Watches a run from its own thread and connection: renews this process's leases every third of the lease
/// time, and notices `pause` / `cancel` of the job (PRODUCT.md) to stop the run gracefully. When leases
/// cannot be renewed for half the lease time, the run stops too: another process may take the letters over
/// soon, and two senders of one letter must never overlap.
final class RunSupervisor: Sendable {
    let services: RunServices
    let stop: Cancellation
    private let finished = Mutex(false)
    private let done = Mutex<DispatchSemaphore?>(nil)
    /// Why the job stopped, if the supervisor stopped it (`paused`, `cancelled`).
    let stoppedBecause = Mutex<MailingJob.State?>(nil)

    init(services: RunServices, stop: Cancellation) {
        self.services = services
        self.stop = stop
    }

    /// Starts watching on a thread of its own.
    func start() throws {
        let services = services
        let thread = try WorkerThread.start(setup: {
            JobStore(connection: try Connection(services.databaseURL), owner: services.owner,
                     leaseDuration: services.leaseDuration)
        }, body: { [self] store in watch(store) })
        done.withLock { $0 = thread }
    }

    /// Stops watching and waits for the thread.
    func finish() {
        finished.withLock { $0 = true }
        done.withLock { $0 }?.wait()
    }

    private func watch(_ store: JobStore) {
        var lastRenewal = Date()
        var nextRenewal = Date()
        while !finished.withLock({ $0 }) {
            let now = Date()
            do {
                if now >= nextRenewal {
                    try store.renewLeases()
                    lastRenewal = now
                    nextRenewal = now.addingTimeInterval(services.leaseDuration / 3)
                }
                checkSendWindow()
                if let state = try store.state(of: services.jobId), state == .paused || state == .cancelled,
                   !stop.isCancelled {
                    stoppedBecause.withLock { $0 = state }
                    services.logger.info("job \(services.jobId) was \(state.rawValue); stopping after the letters in flight")
                    stop.cancel("job \(state.rawValue)")
                }
            } catch {
                if now.timeIntervalSince(lastRenewal) > services.leaseDuration / 2, !stop.isCancelled {
                    services.logger.error("cannot renew leases (\(error)); stopping so no letter is sent twice")
                    stop.cancel("leases lost")
                }
            }
            Thread.sleep(forTimeInterval: min(1, services.leaseDuration / 6))
        }
    }
}
