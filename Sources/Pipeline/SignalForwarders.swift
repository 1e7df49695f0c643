import Foundation
import Synchronization

/// libdispatch's own handler for each signal a `SignalTrap` observed, kept so a later trap can put it back.
///
/// On Linux a signal source reads a `signalfd`, which sees a signal only while it is blocked; libdispatch
/// arranges that with a handler of its own (it blocks the signal in the thread that got it and raises it
/// again to its manager thread), installed only the first time the process observes that signal. Our
/// `SIG_IGN` and `SIG_DFL` replace it, so without this a second trap on the same signal would never fire.
/// On macOS (kqueue) the handler stays `SIG_IGN` and nothing is recorded.
enum SignalForwarders {
    private static let recorded = Mutex<[Int32: sigaction]>([:])

    /// Called once the trap's source for `number` is registered: records libdispatch's handler when it has
    /// just installed one, or reinstalls the recorded one when it has not.
    static func ensureInstalled(for number: Int32) {
        var current = sigaction()
        sigaction(number, nil, &current)
        recorded.withLock { recorded in
            if isDefaultOrIgnore(current) {
                if var forwarder = recorded[number] {
                    sigaction(number, &forwarder, nil)
                }
            } else {
                recorded[number] = current
            }
        }
    }

    /// True when `action` is `SIG_DFL` (address 0) or `SIG_IGN` (address 1) rather than a function.
    private static func isDefaultOrIgnore(_ action: sigaction) -> Bool {
        #if os(Linux)
        let handler = action.__sigaction_handler.sa_handler
        #else
        let handler = action.__sigaction_u.__sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) <= 1
    }
}
