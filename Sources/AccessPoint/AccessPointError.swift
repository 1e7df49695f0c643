public import ErrorDisposition
public import Foundation

/// The one error type of the AccessPoint module: a status query, receipt poll or acknowledgement the access
/// point (corner 2) did not answer as documented, or a client that cannot be configured. A send never throws;
/// its results are `SendOutcome`s, which carry this error only for failures retrying cannot fix.
///
/// `description` is safe to log (no token, no problem `detail`, no person id) and says what to fix; the
/// server's problem and libcurl's message are in `debugDescription`. Errors compare by `code`.
public struct AccessPointError: ClassifiedError, Sendable, Equatable, CustomStringConvertible,
    CustomDebugStringConvertible {
    /// What kind of failure this is; switch or compare on it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        let disposition: Disposition

        /// The base URL, kanal or another argument is unusable; fix the configuration or the call.
        public static let invalidConfiguration = Code(name: "invalid configuration", disposition: .abort)
        /// 401: the bearer token is missing, expired or not accepted. `.abort`, since the same token cannot succeed:
        /// the caller fetches a new one once (spec 12.1) and stops if that is refused too.
        public static let unauthorized = Code(name: "unauthorized", disposition: .abort)
        /// 403: the token lacks `digitalpostinnbygger:send` or the sender has no agreement with this access point.
        public static let forbidden = Code(name: "forbidden", disposition: .abort)
        /// 429: too many requests; wait `retryAfter` (when given) and try again.
        public static let rateLimited = Code(name: "rate limited", disposition: .retry)
        /// 5xx or 408: the access point cannot answer now; try again with backoff.
        public static let unavailable = Code(name: "unavailable", disposition: .retry)
        /// Another 4xx: the access point refused this request as malformed; a bug or a wrong base URL.
        public static let requestRefused = Code(name: "request refused", disposition: .abort)
        /// A 1xx or 3xx, or a 2xx the endpoint does not document: most likely the base URL is wrong.
        public static let unexpectedStatus = Code(name: "unexpected status", disposition: .abort)
        /// The body is not the documented JSON.
        public static let malformedResponse = Code(name: "malformed response", disposition: .abort)
        /// The exchange failed below HTTP (network, timeout, TLS, libcurl); the disposition is the `HTTPError`'s.
        public static let transport = Code(name: "transport", disposition: .retry)

        /// A short, log-safe name of the code.
        public var description: String { name }

        public static func == (lhs: Code, rhs: Code) -> Bool { lhs.name == rhs.name }
        public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    }

    /// The kind of failure.
    public let code: Code
    /// A log-safe sentence: what is wrong and what to fix.
    public let message: String
    /// The HTTP status the access point answered, when it answered.
    public let status: Int?
    /// The delay the access point asked for with `Retry-After` (429, 503), in seconds, when it sent one.
    public let retryAfter: TimeInterval?
    /// The `application/problem+json` body of the answer, when there was one.
    public let problem: Problem?
    /// Whether to retry, skip the item or stop: the code's, or the wrapped `HTTPError`'s for `.transport`.
    public let disposition: Disposition
    /// libcurl's message or what was malformed, for debugging; never a token.
    let details: String

    init(_ code: Code, _ message: String, status: Int? = nil, retryAfter: TimeInterval? = nil,
         problem: Problem? = nil, details: String = "", disposition: Disposition? = nil) {
        self.code = code
        self.message = message
        self.status = status
        self.retryAfter = retryAfter
        self.problem = problem
        self.details = details
        self.disposition = disposition ?? code.disposition
    }

    /// `<code>: <message>`, safe to log.
    public var description: String { "\(code): \(message)" }

    /// The description, the problem's summary and the details.
    public var debugDescription: String {
        [description, problem?.summary, details.isEmpty ? nil : details].compactMap { $0 }.joined(separator: " | ")
    }

    /// Errors are equal when their codes are.
    public static func == (lhs: AccessPointError, rhs: AccessPointError) -> Bool { lhs.code == rhs.code }
}
