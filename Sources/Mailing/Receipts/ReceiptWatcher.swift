import Foundation
import Pipeline
import Synchronization

/// Reconciliation on its own thread beside a run (`MailingRun` starts it when `RunOptions.receipts` is set), so
/// the access point's queue is drained while a long job sends. Errors are logged and retried after the
/// slowest poll interval with a new connection: they never stop the run. On `finish()` it makes one last pass,
/// so receipts already waiting when the run ends are stored.
final class ReceiptWatcher: Sendable {
    private let services: ReceiptServices
    private let options: ReceiptOptions
    private let stop = Cancellation()
    private let done = Mutex<DispatchSemaphore?>(nil)

    init(services: ReceiptServices, options: ReceiptOptions = ReceiptOptions()) {
        self.services = services
        self.options = options
    }

    /// Starts the thread.
    func start() {
        let semaphore = DispatchSemaphore(value: 0)
        done.withLock { $0 = semaphore }
        Thread.detachNewThread { [self] in
            watch()
            semaphore.signal()
        }
    }

    /// Stops after one last pass and waits for the thread.
    func finish() {
        stop.cancel("the run ended")
        done.withLock { $0 }?.wait()
    }

    private func watch() {
        var pace = ReceiptPace(fastest: options.fastestPoll, slowest: options.slowestPoll)
        var reconciler: ReceiptReconciler?
        var tally = ReceiptTally()
        while true {
            let last = stop.isCancelled
            var wait = options.slowestPoll
            do {
                let current = try reconciler ?? ReceiptReconciler(services: services, options: options)
                reconciler = current
                let pass = try current.reconcile()
                tally += pass
                wait = pace.next(received: pass.received, retryAfter: pass.retryAfter)
            } catch {
                reconciler = nil
                if !last { services.logger.warning("receipts: \(error); trying again in \(Int(wait)) s") }
            }
            if last { break }
            ReceiptReconciler.sleep(wait, unless: stop)
        }
        if tally.received > 0 || tally.expired > 0 { services.logger.info("receipts beside the run: \(tally.summary)") }
    }
}
