import Synchronization

/// Access tokens the simulated Maskinporten has withdrawn, as a key rotation or a revoked client would: a
/// test calls `MaskinportenSimulator.revokeIssuedTokens()` mid-run, every token issued so far is answered
/// 401 from then on, and a sender must fetch a new one (spec 12.1: refresh, re-sign, resend). Tokens are
/// known by their `jti`.
public final class TokenRevocations: Sendable {
    private let ids = Mutex<(issued: Set<String>, revoked: Set<String>)>(([], []))

    /// An empty set: nothing issued, nothing withdrawn.
    public init() {}

    /// Remembers a token as issued.
    func recordIssued(_ tokenID: String) {
        ids.withLock { _ = $0.issued.insert(tokenID) }
    }

    /// Withdraws every token issued so far; tokens issued later are good.
    func revokeAllIssued() {
        ids.withLock { state in
            state.revoked.formUnion(state.issued)
            state.issued.removeAll()
        }
    }

    /// Whether the token with `tokenID` was withdrawn.
    func isRevoked(_ tokenID: String) -> Bool {
        ids.withLock { $0.revoked.contains(tokenID) }
    }
}
