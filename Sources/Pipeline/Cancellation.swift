import Synchronization

/// Cooperative cancellation shared by a pipeline and whoever stops it: a signal handler, a pause request,
/// a stage that failed. The first reason given is kept.
public final class Cancellation: Sendable {
    private struct State {
        var reason: String?
        var actions: [@Sendable () -> Void] = []
    }

    private let state = Mutex(State())

    /// A cancellation not yet cancelled.
    public init() {}

    /// Cancels with `reason` (log-safe: it is printed) and runs every registered action once. Later calls
    /// do nothing, so the first reason stays.
    public func cancel(_ reason: String) {
        let actions = state.withLock { state -> [@Sendable () -> Void] in
            guard state.reason == nil else { return [] }
            state.reason = reason
            defer { state.actions = [] }
            return state.actions
        }
        for action in actions {
            action()
        }
    }

    /// True once `cancel` was called.
    public var isCancelled: Bool { reason != nil }

    /// Why it was cancelled; nil while it is not.
    public var reason: String? { state.withLock { $0.reason } }

    /// Runs `action` when `cancel` is called, on the cancelling thread, or right now when it already was.
    /// This is how a pipeline wakes its blocked workers: its actions cancel every queue.
    public func onCancel(_ action: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state in
            guard state.reason != nil else {
                state.actions.append(action)
                return false
            }
            return true
        }
        if runNow {
            action()
        }
    }
}
