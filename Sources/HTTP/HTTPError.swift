public import ErrorDisposition

/// Why an HTTP exchange or the loopback server failed. The `description` is safe to log (no body, no header
/// values, no query string); `debugDescription` adds libcurl's own message and the host.
///
/// HTTP status codes are not errors: a 4xx or 5xx arrives as an `HTTPResponse` (see `HTTPStatusClass`).
public struct HTTPError: ClassifiedError, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, comparable in tests and usable as a metric label.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Base: String, Sendable {
            case malformedURL, insecureURL, unsupportedScheme, invalidRequest, fileUnreadable
            case hostNotFound, connectFailed, timeout, tlsFailure, connectionDropped, sendFailed
            case responseTooLarge, malformedMultipart, serverFailed, internalError
        }

        let base: Base

        /// The URL cannot be parsed, or has no host.
        public static let malformedURL = Code(base: .malformedURL)
        /// Plain `http://` to a host that is not loopback: refused before any network activity.
        public static let insecureURL = Code(base: .insecureURL)
        /// A scheme other than `http` or `https`.
        public static let unsupportedScheme = Code(base: .unsupportedScheme)
        /// The request itself is unusable (for example a header containing a line break).
        public static let invalidRequest = Code(base: .invalidRequest)
        /// A multipart file part could not be opened or read.
        public static let fileUnreadable = Code(base: .fileUnreadable)
        /// The host name could not be resolved.
        public static let hostNotFound = Code(base: .hostNotFound)
        /// The TCP connection was refused or could not be established.
        public static let connectFailed = Code(base: .connectFailed)
        /// The connect timeout, total timeout or low-speed limit was hit.
        public static let timeout = Code(base: .timeout)
        /// TLS handshake or certificate verification failed.
        public static let tlsFailure = Code(base: .tlsFailure)
        /// The connection broke while waiting for or reading the response.
        public static let connectionDropped = Code(base: .connectionDropped)
        /// Sending the request failed part way.
        public static let sendFailed = Code(base: .sendFailed)
        /// The response body exceeded the client's configured maximum.
        public static let responseTooLarge = Code(base: .responseTooLarge)
        /// A received `multipart/form-data` body or its Content-Type could not be parsed.
        public static let malformedMultipart = Code(base: .malformedMultipart)
        /// The loopback server could not be started (socket, bind or listen failed, or a non-loopback address).
        public static let serverFailed = Code(base: .serverFailed)
        /// libcurl failed in a way that points to a bug or a broken installation.
        public static let internalError = Code(base: .internalError)

        /// The code's name, for example `timeout`; stable, usable as a metric label.
        public var description: String { base.rawValue }
    }


    /// What went wrong.
    public let code: Code
    /// True when the server may have received the whole request and acted on it (a timeout or a dropped
    /// connection after sending began). The caller must then check the outcome before resending (spec 12.1).
    public let requestMayHaveBeenSent: Bool
    /// Technical detail for debugging: libcurl's message, the host, errno. Never a body or header value.
    let detail: String

    init(_ code: Code, requestMayHaveBeenSent: Bool = false, detail: String = "") {
        self.code = code
        self.requestMayHaveBeenSent = requestMayHaveBeenSent
        self.detail = detail
    }

    /// Whether to retry, skip the item or stop; derived from the code.
    public var disposition: Disposition {
        switch code.base {
        case .hostNotFound, .connectFailed, .timeout, .connectionDropped, .sendFailed: .retry
        case .fileUnreadable, .responseTooLarge, .malformedMultipart: .reject
        case .malformedURL, .insecureURL, .unsupportedScheme, .invalidRequest, .tlsFailure, .serverFailed,
            .internalError:
            .abort
        }
    }

    /// What failed and what to check, safe to log: no URL query, header value or body.
    public var description: String {
        let what: String
        switch code.base {
        case .malformedURL: what = "the URL is malformed or has no host; check the configured URL"
        case .insecureURL: what = "plain http:// is only allowed to loopback hosts; use https://"
        case .unsupportedScheme: what = "only http:// and https:// URLs are supported"
        case .invalidRequest: what = "the request is invalid (a header name or value contains a line break)"
        case .fileUnreadable: what = "a file to upload could not be read; check that it exists and is readable"
        case .hostNotFound: what = "the host name could not be resolved; check the URL and DNS"
        case .connectFailed: what = "could not connect to the server (refused or unreachable)"
        case .timeout: what = "the request timed out"
        case .tlsFailure: what = "TLS handshake or certificate verification failed; check the URL and CA bundle"
        case .connectionDropped: what = "the connection was closed before the response was complete"
        case .sendFailed: what = "sending the request failed"
        case .responseTooLarge: what = "the response body is larger than the configured maximum"
        case .malformedMultipart: what = "the multipart/form-data body or its boundary is malformed"
        case .serverFailed: what = "the loopback HTTP server could not be started"
        case .internalError: what = "libcurl failed unexpectedly"
        }
        let outcome = requestMayHaveBeenSent ? " (the server may have received the request)" : ""
        return "HTTP: " + what + outcome
    }

    /// The description plus the code and libcurl's or the system's own message, for debugging.
    public var debugDescription: String {
        detail.isEmpty ? "\(description) [\(code)]" : "\(description) [\(code)]: \(detail)"
    }
}
