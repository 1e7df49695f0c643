import Foundation
public import HTTP

/// An RFC 7807 `application/problem+json` error body, the form the access point and KRR answer errors
/// with (spec section 10.7): `type` and `detail` are always present, as the Digdir problem schema requires.
/// Request parsing throws it, so a handler answers with exactly the rule the request broke.
public struct ProblemDetails: Error, Sendable, Equatable, Encodable {
    /// A URI naming the problem type; `about:blank` when the status says it all.
    public var type: String
    /// A short summary of the problem type, usually the status phrase.
    public var title: String
    /// The HTTP status code, repeated in the body.
    public var status: Int
    /// What is wrong with this request and what to fix.
    public var detail: String

    /// A problem with the given status, title and detail, of type `about:blank`.
    public init(status: Int, title: String, detail: String, type: String = "about:blank") {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
    }

    /// The problem as a response with `Content-Type: application/problem+json`, plus any `headers` given.
    public func response(headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        headers.replaceOrAdd(name: "Content-Type", value: "application/problem+json")
        let body = (try? JSONEncoder.simulator.encode(self)) ?? Data()
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// 400 Bad Request with `detail`.
    public static func badRequest(_ detail: String) -> ProblemDetails {
        ProblemDetails(status: 400, title: "Bad Request", detail: detail)
    }
}
