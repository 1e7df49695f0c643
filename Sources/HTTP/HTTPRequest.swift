public import Foundation

/// One request for `HTTPClient.perform(_:)`: what to send where, and how long to wait for it.
public struct HTTPRequest: Sendable {
    /// The HTTP method, such as `GET` or `POST`.
    public var method: HTTPMethod
    /// The absolute URL; must pass `URLPolicy` (https, or http to loopback).
    public var url: String
    /// Request headers. `Content-Type` for form and multipart bodies is set by the client.
    public var headers: HTTPHeaders
    /// What to send after the headers.
    public var body: HTTPBody
    /// Connect timeout, total timeout and low-speed limit for this request.
    public var timeouts: HTTPTimeouts

    /// A request; by default a bodiless GET with the default timeouts.
    public init(
        method: HTTPMethod = .get, url: String, headers: HTTPHeaders = [:], body: HTTPBody = .none,
        timeouts: HTTPTimeouts = HTTPTimeouts()
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
    }
}

/// An HTTP method, as the token sent on the request line.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method token, for example `"POST"`.
    public let rawValue: String

    /// A method from its token; no validation beyond what the client does on sending.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `GET`.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `HEAD`: the response has headers but no body.
    public static let head = HTTPMethod(rawValue: "HEAD")
    /// `POST`.
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `DELETE`.
    public static let delete = HTTPMethod(rawValue: "DELETE")

    /// The method token.
    public var description: String { rawValue }
}

/// The body of a request. Multipart file parts are streamed from disk, so large packages are never
/// loaded into memory.
public enum HTTPBody: Sendable {
    /// No body.
    case none
    /// Raw bytes; set `Content-Type` in the request headers.
    case bytes(Data)
    /// `application/x-www-form-urlencoded` fields, in order (for example an OAuth2 token request).
    case form([(name: String, value: String)])
    /// `multipart/form-data` parts, in order; the client chooses the boundary.
    case multipart([MultipartPart])
}

/// One part of a `multipart/form-data` body.
public struct MultipartPart: Sendable {
    /// Where a part's content comes from.
    public enum Content: Sendable {
        /// Bytes in memory (copied by libcurl when the request is set up).
        case data(Data)
        /// A file read while sending, never held in memory as a whole.
        case file(path: String)
    }

    /// The form field name (`name=` in `Content-Disposition`).
    public var name: String
    /// The file name announced to the server (`filename=`), if any.
    public var filename: String?
    /// The part's `Content-Type`, if any.
    public var contentType: String?
    /// The part's bytes.
    public var content: Content

    /// A part with the given name, optional file name and content type, and content.
    public init(name: String, filename: String? = nil, contentType: String? = nil, content: Content) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.content = content
    }
}
