import Foundation
import Synchronization

/// The grant ids (`jti`) each client has used, kept until the grant they came with has expired: a grant
/// cannot be replayed (spec 3.2). Expired entries are swept whenever the cache has doubled since the last
/// sweep, so it stays about as small as the set of live grants at amortised constant cost per grant.
final class ReplayCache: Sendable {
    private struct State {
        var seen: [String: Date] = [:]
        var sweepAt = 1024
    }

    private let state = Mutex(State())

    /// Records `id` of `client` until `expiry`; false when it was already recorded and not yet expired.
    func insert(_ id: String, client: String, until expiry: Date, now: Date) -> Bool {
        let key = client + "\u{0}" + id
        return state.withLock { state in
            if let previous = state.seen[key], previous > now { return false }
            if state.seen.count >= state.sweepAt {
                state.seen = state.seen.filter { $0.value > now }
                state.sweepAt = max(1024, state.seen.count * 2)
            }
            state.seen[key] = expiry
            return true
        }
    }
}
