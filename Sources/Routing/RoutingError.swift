public import ErrorDisposition

/// The one error type of the Routing module: a Maskinporten token or a KRR lookup that failed.
///
/// `description` is safe to log (never a person id, token or key) and says what to fix; the server's answer
/// is in `debugDescription`. Errors compare by `code`.
public struct RoutingError: ClassifiedError, Sendable, Equatable, CustomStringConvertible,
    CustomDebugStringConvertible {
    /// What kind of failure this is; switch or compare on it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        let disposition: Disposition

        /// Maskinporten refused the grant's time claims: the local clock is more than 10 s off (spec 3.2).
        public static let clockSkew = Code(name: "clock skew", disposition: .abort)
        /// Maskinporten refused the enterprise certificate: untrusted, expired, wrong organisation or signature.
        public static let certificateRefused = Code(name: "certificate refused", disposition: .abort)
        /// Maskinporten does not know the client id (`iss`) or the audience is wrong.
        public static let clientRefused = Code(name: "client refused", disposition: .abort)
        /// The client may not have the requested scope.
        public static let scopeRefused = Code(name: "scope refused", disposition: .abort)
        /// The client may not act for the requested consumer organisation (`consumer_org`).
        public static let delegationRefused = Code(name: "delegation refused", disposition: .abort)
        /// Maskinporten refused the grant for another reason.
        public static let grantRefused = Code(name: "grant refused", disposition: .abort)
        /// KRR or Maskinporten answered 401/403: the token lacks a scope or is not accepted (spec 12.3).
        public static let notAuthorized = Code(name: "not authorized", disposition: .abort)
        /// A service answered 5xx, 429 or a network error: try again later.
        public static let serviceUnavailable = Code(name: "service unavailable", disposition: .retry)
        /// KRR refused a single person id with 400: that letter's recipient is bad.
        public static let invalidPersonIdentifier = Code(name: "invalid person identifier", disposition: .reject)
        /// A service answered something that is not the documented JSON.
        public static let malformedResponse = Code(name: "malformed response", disposition: .abort)

        /// A short, log-safe name of the code.
        public var description: String { name }

        public static func == (lhs: Code, rhs: Code) -> Bool { lhs.name == rhs.name }
        public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    }

    /// The kind of failure.
    public let code: Code
    /// A log-safe sentence: what is wrong and what to fix.
    public let message: String
    /// The server's answer or the underlying error, for debugging; may hold OAuth error descriptions.
    public let details: String
    /// Whether the work may be retried, the item rejected or the run must stop; most codes fix it, a
    /// wrapped transport error brings its own.
    public let disposition: Disposition

    init(_ code: Code, _ message: String, details: String = "", disposition: Disposition? = nil) {
        self.code = code
        self.message = message
        self.details = details
        self.disposition = disposition ?? code.disposition
    }

    /// `<code>: <message>`, safe to log.
    public var description: String { "\(code): \(message)" }

    /// The description followed by the details.
    public var debugDescription: String { details.isEmpty ? description : "\(description) (\(details))" }

    /// Errors are equal when their codes are.
    public static func == (lhs: RoutingError, rhs: RoutingError) -> Bool { lhs.code == rhs.code }
}
