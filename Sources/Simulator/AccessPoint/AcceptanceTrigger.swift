import Synchronization

/// The action of `AccessPointSimulator.whenAccepted(letters:perform:)`: run once, by the request whose letter
/// brings the accepted count to the number asked for (or past it, when asked late), before that request is
/// answered. A test thus acts at the same point of every run however the machine's load shifts its timing.
final class AcceptanceTrigger: Sendable {
    private struct Pending {
        let letters: Int
        let action: @Sendable () -> Void
    }

    private let pending = Mutex<Pending?>(nil)

    /// Arms the trigger, replacing an action not yet run.
    func arm(letters: Int, action: @escaping @Sendable () -> Void) {
        pending.withLock { $0 = Pending(letters: letters, action: action) }
    }

    /// Runs the armed action, outside the lock, when `acceptedCount` has reached its number; disarms it.
    func letterAccepted(acceptedCount: Int) {
        let due = pending.withLock { pending -> Pending? in
            guard let armed = pending, acceptedCount >= armed.letters else { return nil }
            pending = nil
            return armed
        }
        due?.action()
    }
}
