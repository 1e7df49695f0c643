public import ErrorDisposition
public import Foundation

/// What a response status means for a sender, following spec section 12.1: the client never throws for a
/// status, the caller decides with this classification.
public enum HTTPStatusClass: Sendable, Equatable {
    /// 2xx: accepted.
    case success
    /// 429: slow down; `retryAfter` is the server's requested delay in seconds, when it sent a usable one.
    case rateLimited(retryAfter: TimeInterval?)
    /// 5xx or 408: a transient server problem; 503 may carry `retryAfter` too.
    case serverError(retryAfter: TimeInterval?)
    /// 401: the access token is missing, expired or invalid; fetch a new token and retry once.
    case unauthorized
    /// 403: the token lacks the scope or the sender lacks an agreement; stop and alert.
    case forbidden
    /// Any other 4xx: this request is wrong and must not be resent as it is.
    case clientError
    /// 1xx or 3xx, which a sender that follows no redirects does not expect.
    case unexpected

    /// Classifies `status`, reading `Retry-After` from `headers` relative to `now`.
    public init(status: Int, headers: HTTPHeaders = [:], now: Date = Date()) {
        let retryAfter = headers.first(name: "Retry-After").flatMap { RetryAfter.delay(from: $0, now: now) }
        switch status {
        case 200..<300: self = .success
        case 429: self = .rateLimited(retryAfter: retryAfter)
        case 408, 500..<600: self = .serverError(retryAfter: retryAfter)
        case 401: self = .unauthorized
        case 403: self = .forbidden
        case 400..<500: self = .clientError
        default: self = .unexpected
        }
    }

    /// What to do about the response: nil for success; `.retry` for 429, 408, 5xx and 401 (after a new
    /// token); `.reject` for other 4xx; `.abort` for 403 and unexpected statuses.
    public var disposition: Disposition? {
        switch self {
        case .success: nil
        case .rateLimited, .serverError, .unauthorized: .retry
        case .clientError: .reject
        case .forbidden, .unexpected: .abort
        }
    }
}

extension HTTPResponse {
    /// This response's status classified for a sender (see `HTTPStatusClass`).
    public func statusClass(now: Date = Date()) -> HTTPStatusClass {
        HTTPStatusClass(status: status, headers: headers, now: now)
    }
}
