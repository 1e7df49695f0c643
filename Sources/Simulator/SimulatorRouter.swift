public import HTTP

/// Dispatches requests by method and path to the simulated services (Maskinporten, KRR, later the
/// access point), all served by one loopback `HTTPServer`. A path nobody serves gets 404, a served path
/// with another method 405 with `Allow`, both as `application/problem+json`.
///
/// Patterns are literal paths whose segments may be `{name}` placeholders matching one non-empty
/// segment, e.g. `/messages/out/{id}/statuses`; the matched values reach parameterised handlers.
public struct SimulatorRouter: Sendable {
    /// A handler that also receives the values of the pattern's `{name}` placeholders.
    public typealias ParameterisedHandler = @Sendable (HTTPServerRequest, [String: String]) -> HTTPResponse

    private struct Route: Sendable {
        let method: String
        let segments: [Substring]
        let handler: ParameterisedHandler

        /// The placeholder values when `path` matches the pattern, else nil.
        func match(_ path: [Substring]) -> [String: String]? {
            guard path.count == segments.count else { return nil }
            var parameters: [String: String] = [:]
            for (pattern, segment) in zip(segments, path) {
                if pattern.hasPrefix("{") && pattern.hasSuffix("}") {
                    guard !segment.isEmpty else { return nil }
                    parameters[String(pattern.dropFirst().dropLast())] = String(segment)
                } else if pattern != segment {
                    return nil
                }
            }
            return parameters
        }
    }

    private var routes: [Route] = []

    /// A router with no routes: every request gets 404.
    public init() {}

    /// Serves `method` (e.g. `POST`) on `pattern` with `handler`. Earlier routes win when two match.
    public mutating func add(_ method: String, _ pattern: String, handler: @escaping HTTPServer.Handler) {
        add(method, pattern, parameterised: { request, _ in handler(request) })
    }

    /// Serves `method` on `pattern`, handing the placeholder values to `handler`.
    public mutating func add(_ method: String, _ pattern: String,
                             parameterised handler: @escaping ParameterisedHandler) {
        routes.append(Route(method: method, segments: Self.segments(pattern), handler: handler))
    }

    /// Answers `request` with the first route matching its method and path, or 404/405.
    public func handle(_ request: HTTPServerRequest) -> HTTPResponse {
        let path = Self.segments(request.path)
        var allowed: [String] = []
        for route in routes {
            guard let parameters = route.match(path) else { continue }
            if route.method == request.method {
                return route.handler(request, parameters)
            }
            allowed.append(route.method)
        }
        guard allowed.isEmpty else {
            let methods = allowed.joined(separator: ", ")
            return ProblemDetails(status: 405, title: "Method Not Allowed",
                                  detail: "\(request.method) is not served on this path; use \(methods)")
                .response(headers: ["Allow": methods])
        }
        return ProblemDetails(status: 404, title: "Not Found", detail: "no simulated service is served on this path")
            .response()
    }

    /// The router as an `HTTPServer` handler.
    public var handler: HTTPServer.Handler {
        { request in handle(request) }
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false)
    }
}
