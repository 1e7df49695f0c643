import DPI
import Foundation
import Synchronization

/// The bearer tokens a `TokenValidator` has already found good (signature, issuer, audience), so that a client
/// sending thousands of requests with one token (acknowledging receipts one by one) is not charged a JWS parse
/// and an RSA verification per request. Expiry and revocation are still checked on every request; at most `capacity` tokens
/// are kept, and all are forgotten when it is reached.
final class ValidatedTokens: Sendable {
    private let capacity = 1_000
    private let tokens = Mutex<[String: MaskinportenToken]>([:])

    /// The token `compact` decoded to, if it passed validation before.
    func token(for compact: String) -> MaskinportenToken? {
        tokens.withLock { $0[compact] }
    }

    /// Remembers that `compact` passed validation as `token`.
    func remember(_ compact: String, as token: MaskinportenToken) {
        tokens.withLock { tokens in
            if tokens.count >= capacity { tokens.removeAll() }
            tokens[compact] = token
        }
    }
}
