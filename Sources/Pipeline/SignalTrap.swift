public import Foundation
import Synchronization

/// Turns SIGINT and SIGTERM (or other signals) into calls of a handler, so a run can stop cleanly: the
/// handler typically cancels the pipeline's `Cancellation`.
///
/// The signals are observed with `DispatchSource.makeSignalSource`, so the handler is ordinary Swift code on a
/// queue of its own, never an async-signal handler. Each is first set to `SIG_IGN`, so one arriving before the
/// source is ready does not kill the process; on Linux libdispatch then installs its own forwarding handler
/// (see `SignalForwarders`). The handler runs once per delivery. With `onRepeat`, only the first delivery goes
/// to the handler and every later one goes to `onRepeat` instead, at once even while the handler still runs:
/// a second Ctrl-C can exit without waiting for the clean stop. `cancel()` (or the trap's end) restores the
/// default actions (`SIG_DFL`).
public final class SignalTrap: Sendable {
    private let signals: [Int32]
    private let sources: Mutex<[any DispatchSourceSignal]>

    /// Traps `signals` (never SIGKILL or SIGSTOP, which cannot be caught: a programmer error); returns once every
    /// one of them is being observed, so a signal sent right after reaches the trap.
    public init(signals: [Int32] = [SIGINT, SIGTERM], onRepeat: (@Sendable (Int32) -> Void)? = nil,
                handler: @escaping @Sendable (Int32) -> Void) {
        precondition(!signals.contains(SIGKILL) && !signals.contains(SIGSTOP), "SIGKILL and SIGSTOP cannot be trapped")
        self.signals = signals
        let deliveries = DeliveryCount()
        let events = DispatchQueue(label: "dpi-batch.signals")
        let handlerQueue = DispatchQueue(label: "dpi-batch.signals.handler")
        let registered = DispatchGroup()
        let deliver: @Sendable (Int32) -> Void = { signal in
            let isFirst = deliveries.count.withLock { count in
                count += 1
                return count == 1
            }
            if let onRepeat, !isFirst {
                onRepeat(signal)
            } else {
                handlerQueue.async { handler(signal) }
            }
        }
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: events)
            // The handler holds its source until `cancel`: libdispatch drops the handlers of a cancelled source.
            source.setEventHandler {
                for _ in 0 ..< max(source.data, 1) {
                    deliver(number)
                }
            }
            registered.enter()
            source.setRegistrationHandler { registered.leave() }
            source.resume()
            sources.append(source)
        }
        registered.wait()
        for number in signals {
            SignalForwarders.ensureInstalled(for: number)
        }
        self.sources = Mutex(sources)
    }

    deinit {
        cancel()
    }

    /// Stops observing the signals and restores their default actions; does nothing the second time.
    public func cancel() {
        let wasTrapping = sources.withLock { sources -> Bool in
            for source in sources {
                source.cancel()
            }
            defer { sources = [] }
            return !sources.isEmpty
        }
        if wasTrapping {
            for number in signals {
                signal(number, SIG_DFL)
            }
        }
    }
}

/// How many trapped signals were delivered, shared by the trap's event handlers.
private final class DeliveryCount: Sendable {
    let count = Mutex(0)
}
