import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// POSIX socket calls for `HTTPServer`: the listening socket and per-connection options.
enum ServerSocket {
    /// A listening TCP socket on the loopback address and its bound port.
    static func listen(address: HTTPServer.Configuration.Address, port: Int) throws -> (Int32, Int) {
        guard (0...65535).contains(port) else {
            throw HTTPError(.serverFailed, detail: "port \(port) out of range")
        }
        let family = address == .ipv4Loopback ? AF_INET : AF_INET6
        let socket = Glibc.socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw failure("socket") }
        var reuse: Int32 = 1
        _ = setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        let bound: Int32
        switch address {
        case .ipv4Loopback:
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = UInt16(port).bigEndian
            socketAddress.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            bound = withSocketAddress(&socketAddress) { bind(socket, $0, $1) }
        case .ipv6Loopback:
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = UInt16(port).bigEndian
            socketAddress.sin6_addr = in6addr_loopback
            bound = withSocketAddress(&socketAddress) { bind(socket, $0, $1) }
        }
        guard bound == 0, Glibc.listen(socket, 128) == 0 else {
            let error = failure("bind/listen on port \(port)")
            close(socket)
            throw error
        }
        var actual = sockaddr_in6()
        var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        // sin_port and sin6_port sit at the same offset, so one read serves both families.
        return (socket, Int(UInt16(bigEndian: actual.sin6_port)))
    }

    /// TCP_NODELAY (a response is written as head then body; Nagle would hold the body back) and
    /// send/receive timeouts so a silent or stuck peer cannot hold a thread forever.
    static func configure(connection socket: Int32, idleTimeout: Double) {
        var one: Int32 = 1
        _ = setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        setTimeout(socket, idleTimeout)
    }

    /// Sets both SO_RCVTIMEO and SO_SNDTIMEO to `seconds`.
    static func setTimeout(_ socket: Int32, _ seconds: Double) {
        let whole = Int(seconds)
        var value = timeval(tv_sec: whole, tv_usec: Int((seconds - Double(whole)) * 1_000_000))
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            _ = setsockopt(socket, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
        }
    }

    private static func withSocketAddress<A>(_ address: inout A, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32)
        -> Int32
    {
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<A>.size)) }
        }
    }

    private static func failure(_ call: String) -> HTTPError {
        HTTPError(.serverFailed, detail: "\(call): \(String(cString: strerror(errno)))")
    }
}
