public import ErrorDisposition
public import Foundation

/// What became of one `POST /messages/out` (spec 10.2, 12.1). Every result of a send is one of these; the
/// question that matters for exactly-once delivery is whether the access point may now hold the letter:
///
/// | Answer                                    | Outcome        | Stored? | The sender                           |
/// |-------------------------------------------|----------------|---------|--------------------------------------|
/// | 2xx (201 is documented)                   | `accepted`     | yes     | SUBMITTED                            |
/// | 4xx except 401, 403, 408, 429             | `rejected`     | no      | REJECTED; never resend these bytes   |
/// | such a 4xx on a new connection (note 1)   | `uncertain`    | maybe   | asks `statuses` first                |
/// | 401                                       | `unauthorized` | no      | gets a new token, re-signs, resends  |
/// | 403                                       | `forbidden`    | no      | stops the job and alerts             |
/// | 408                                       | `unavailable`  | no      | backs off, resends                   |
/// | 429                                       | `rateLimited`  | no      | waits `Retry-After`, resends         |
/// | 503                                       | `unavailable`  | no (2)  | waits, asks `statuses`, resends      |
/// | 500, 502, 504, any other 5xx (note 3)     | `uncertain`    | maybe   | asks `statuses`: known → SUBMITTED   |
/// | 1xx, 3xx (redirects are not followed)     | `failed`       | maybe   | stops: the base URL is likely wrong  |
/// | timeout, drop, send error after sending   | `uncertain`    | maybe   | asks `statuses`                      |
/// | refused, DNS, timeout before sending      | `notSent`      | no      | backs off, resends the same bytes    |
/// | TLS, token with a line break, unreadable  | `failed`       | no      | follows the error's disposition      |
/// |   CMS file, libcurl internal error        |                |         | (`.abort`; unreadable file `.reject`)|
///
/// "After sending" is `HTTPError.requestMayHaveBeenSent`: libcurl had begun to send the request.
///
/// 1. libcurl silently resends a request whose reused keep-alive connection closed without an answer — even a
///    POST whose body it had sent. When the first attempt was stored and its answer lost, the resend is refused
///    as a reused message id (the simulator's rule `message-id-reused`), which must not mark a delivered letter
///    REJECTED. So a 4xx that arrives after the client opened a new connection although it held a kept-alive one
///    counts as `uncertain`. Rarely this is only an idle connection the server closed; the `statuses` check then
///    finds nothing, the resend goes over the now warm connection, and a real rejection comes back as `rejected`.
/// 2. RFC 9110 says 503 means the server did not handle the request, and the simulator answers it before storing
///    anything. A real access point behind a load balancer gives no such guarantee, so the sender still checks
///    `statuses` before resending: the difference to `uncertain` is for logs and metrics.
/// 3. A 500 may come after the letter was stored (the simulator's `failAfterStoreShare` does exactly that); a 502
///    or 504 comes from a gateway that may have forwarded the whole request.
public enum SendOutcome: Sendable, Equatable {
    /// Any 2xx: the access point has the letter.
    case accepted
    /// A 4xx other than 401, 403, 408 and 429: these bytes are refused for good; the problem says why.
    case rejected(Problem)
    /// 401: fetch a new token, re-sign the business message with it embedded, and resend once.
    case unauthorized(Problem?)
    /// 403: the token lacks the scope or the sender lacks an agreement; stop the job.
    case forbidden(Problem?)
    /// 429: too many requests; `retryAfter` is the wait the access point asked for, in seconds.
    case rateLimited(retryAfter: TimeInterval?)
    /// 503 or 408: the access point could not take the letter now.
    case unavailable(Problem?, retryAfter: TimeInterval?)
    /// The outcome is unknown and the letter may be stored: resolve it with `statuses(of:token:)` before resending.
    case uncertain(reason: String)
    /// Nothing reached the access point: safe to resend the same bytes.
    case notSent(reason: String)
    /// The request could not be made for a reason resending will not fix; see the error's disposition.
    case failed(AccessPointError)

    /// Whether the access point may now hold the letter, so that it must be asked (`statuses`) before the same
    /// message id is sent again; true for `accepted` (it does hold it), `uncertain` and an unexpected status.
    public var mayHaveBeenStored: Bool {
        switch self {
        case .accepted, .uncertain: true
        case .failed(let error): error.code == .unexpectedStatus
        case .rejected, .unauthorized, .forbidden, .rateLimited, .unavailable, .notSent: false
        }
    }

    /// What to do with the letter: nil when accepted; `.retry` for everything transient (401 included: after a
    /// new token); `.reject` for `rejected`; `.abort` for `forbidden`; the error's own for `failed`.
    public var disposition: Disposition? {
        switch self {
        case .accepted: nil
        case .rejected: .reject
        case .forbidden: .abort
        case .unauthorized, .rateLimited, .unavailable, .uncertain, .notSent: .retry
        case .failed(let error): error.disposition
        }
    }

    /// The wait the access point asked for with `Retry-After`, in seconds, when it did.
    public var retryAfter: TimeInterval? {
        switch self {
        case .rateLimited(let delay), .unavailable(_, let delay): delay
        default: nil
        }
    }

    /// One log-safe line: the case and the problem's `summary`, the reason or the error's description.
    public var summary: String {
        switch self {
        case .accepted: "accepted"
        case .rejected(let problem): "rejected: " + problem.summary
        case .unauthorized(let problem): "unauthorized" + (problem.map { ": " + $0.summary } ?? "")
        case .forbidden(let problem): "forbidden" + (problem.map { ": " + $0.summary } ?? "")
        case .rateLimited(let delay): "rate limited" + (delay.map { ", retry after \($0) s" } ?? "")
        case .unavailable(let problem, let delay):
            "unavailable" + (delay.map { ", retry after \($0) s" } ?? "") + (problem.map { ": " + $0.summary } ?? "")
        case .uncertain(let reason): "uncertain: " + reason
        case .notSent(let reason): "not sent: " + reason
        case .failed(let error): "failed: " + error.description
        }
    }
}
