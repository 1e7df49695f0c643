import DPI
import HTTP

/// Why the access point refused a letter: the rule broken (a short stable name, also the report's key and
/// the last segment of the problem `type`) and what is wrong. Answered as 400 problem+json (spec 10.2).
struct LetterRejection: Error, Sendable {
    /// The rule, e.g. `bad-jws-signature`, `recipient-reserved`, `token-mismatch`.
    let rule: String
    /// What is wrong and what to fix; never quotes a token, key or person identifier.
    let detail: String
    /// 400 unless the rule has its own status (a reused message id may be configured otherwise).
    var status: Int = 400

    /// The problem `type` URI for `rule`.
    static func type(of rule: String) -> String { "urn:dpi-batch:simulator:rule:" + rule }

    /// The problem+json response naming the rule in `type` and at the start of `detail`.
    var response: HTTPResponse {
        ProblemDetails(status: status, title: status == 409 ? "Conflict" : "Bad Request",
                       detail: "\(rule): \(detail)", type: Self.type(of: rule)).response()
    }

    /// The result of a `DPI` check; its `DPIError` becomes the rule named after the error's code
    /// (`bad JWS signature` → `bad-jws-signature`), or `fallback` when one is given. Any other error (a
    /// `PKIError` from the trust store) is `verification-failed`.
    static func naming<Value>(fallback: String? = nil, _ check: () throws -> Value) throws(LetterRejection)
        -> Value {
        do {
            return try check()
        } catch let error as DPIError {
            let rule = fallback ?? error.code.description.lowercased().replacingOccurrences(of: " ", with: "-")
            throw LetterRejection(rule: rule, detail: error.message)
        } catch {
            throw LetterRejection(rule: "verification-failed", detail: "the letter could not be verified")
        }
    }
}
