import Foundation
import HTTP

/// Serves `GET /metrics` on 127.0.0.1 (never another address: `HTTPServer` binds loopback only) for a
/// Prometheus on the same host, or one reaching it through a local proxy; anything else gets 404.
public final class MetricsEndpoint: Sendable {
    private let server: HTTPServer

    /// Starts serving `metrics` on `port` (0: a free one). Throws when the port is taken.
    public init(metrics: Metrics, port: Int) throws {
        server = try HTTPServer(configuration: .init(port: port, maximumBodyBytes: 0)) { request in
            guard request.path == "/metrics", request.method == "GET" || request.method == "HEAD" else {
                return HTTPResponse(status: 404, headers: ["Content-Type": "text/plain"],
                                    body: Data("not found\n".utf8))
            }
            return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
                                body: Data(metrics.exposition.utf8))
        }
    }

    /// The port served.
    public var port: Int { server.port }

    /// Stops serving.
    public func stop() { server.stop() }
}
