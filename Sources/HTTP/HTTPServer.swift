import Foundation

/// A small HTTP/1.1 server bound to loopback only, for tests and the local access point simulator.
/// Each connection gets its own thread; keep-alive, Content-Length and chunked request bodies are
/// supported; responses always carry Content-Length. Oversized or malformed requests are answered with
/// 431, 413 or 400 and the connection is closed; nothing a client sends can crash it.
public final class HTTPServer: Sendable {
    /// Where to listen and how much to accept.
    public struct Configuration: Sendable {
        /// The loopback address to bind; other addresses are deliberately impossible.
        public enum Address: Sendable {
            /// 127.0.0.1
            case ipv4Loopback
            /// ::1
            case ipv6Loopback
        }

        /// The address to bind.
        public var address: Address
        /// The port to bind; 0 lets the system choose (read it back from `HTTPServer.port`).
        public var port: Int
        /// Request line plus headers larger than this get 431.
        public var maximumHeaderBytes: Int
        /// Request bodies larger than this get 413.
        public var maximumBodyBytes: Int
        /// Seconds a connection may stay silent (between requests or mid-request) before it is closed.
        public var idleTimeout: Double

        /// Defaults: 127.0.0.1, an ephemeral port, 16 KiB of headers, 64 MiB bodies, 30 s idle timeout.
        public init(
            address: Address = .ipv4Loopback, port: Int = 0, maximumHeaderBytes: Int = 16 << 10,
            maximumBodyBytes: Int = 64 << 20, idleTimeout: Double = 30
        ) {
            self.address = address
            self.port = port
            self.maximumHeaderBytes = maximumHeaderBytes
            self.maximumBodyBytes = maximumBodyBytes
            self.idleTimeout = idleTimeout
        }
    }

    /// Answers one request. Called on the connection's thread, possibly on many threads at once.
    public typealias Handler = @Sendable (HTTPServerRequest) -> HTTPResponse

    /// The settings the server was started with.
    public let configuration: Configuration
    /// The port actually bound (the chosen one when the configuration asked for 0).
    public let port: Int
    private let listener: ServerListener

    /// Binds, listens and starts accepting on a background thread. Throws `HTTPError(.serverFailed)` when
    /// the port is taken or the socket cannot be created.
    public init(configuration: Configuration = Configuration(), handler: @escaping Handler) throws {
        let (socket, port) = try ServerSocket.listen(address: configuration.address, port: configuration.port)
        self.configuration = configuration
        self.port = port
        listener = ServerListener(socket: socket, configuration: configuration, handler: handler)
        listener.start()
    }

    deinit {
        listener.stop()
    }

    /// `http://127.0.0.1:<port>` (or `http://[::1]:<port>`), to which request paths are appended.
    public var baseURL: String {
        switch configuration.address {
        case .ipv4Loopback: "http://127.0.0.1:\(port)"
        case .ipv6Loopback: "http://[::1]:\(port)"
        }
    }

    /// How many TCP connections the server has accepted since it started (keep-alive checks use this).
    public var acceptedConnections: Int {
        listener.acceptedConnections
    }

    /// How many connections are open right now.
    public var openConnections: Int {
        listener.openConnections
    }

    /// Closes the listening socket and every open connection, then waits (at most 5 s) for handlers that are
    /// still running. Idempotent; also called on deinit. Do not call it from inside a handler.
    public func stop() {
        listener.stop()
    }
}
