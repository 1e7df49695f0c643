import Foundation
import Synchronization

/// The grant ids (`jti`) each client has used, kept until the grant they came with has expired: a grant
/// cannot be replayed (spec 3.2). Entries past their expiry are dropped as new ones arrive, so the cache
/// stays as small as the set of live grants.
final class ReplayCache: Sendable {
    private let seen = Mutex<[String: Date]>([:])

    /// Records `id` of `client` until `expiry`; false when it was already recorded and not yet expired.
    func insert(_ id: String, client: String, until expiry: Date, now: Date) -> Bool {
        let key = client + "\u{0}" + id
        return seen.withLock { seen in
            if let previous = seen[key], previous > now { return false }
            if seen.count >= 1024 { seen = seen.filter { $0.value > now } }
            seen[key] = expiry
            return true
        }
    }
}
