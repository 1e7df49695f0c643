public import Foundation

/// A complete HTTP response: what `HTTPClient` received, or what an `HTTPServer` handler sends back.
public struct HTTPResponse: Sendable {
    /// The status code, for example 201.
    public var status: Int
    /// The response headers. The server sets `Content-Length` and `Connection` itself.
    public var headers: HTTPHeaders
    /// The response body.
    public var body: Data
    /// Server side only: break the connection instead of answering normally, as a failing network or
    /// access point would, so callers can exercise their "outcome unknown" path. The client never sets it.
    public var fault: HTTPServerFault?

    /// A response with the given status, headers and body.
    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data(), fault: HTTPServerFault? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.fault = fault
    }

    /// The body as UTF-8 text (invalid bytes replaced), for logging problem details and tests.
    public var text: String {
        String(decoding: body, as: UTF8.self)
    }
}

/// A deliberate connection failure an `HTTPServer` handler can ask for.
public enum HTTPServerFault: Sendable, Equatable {
    /// Close the connection without sending anything.
    case closeWithoutResponse
    /// Send the status line and headers (with the full `Content-Length`), then close before the body.
    case closeAfterHeaders
}
