import Foundation

/// Loopback TCP ports for tests that need an address where nothing answers.
public enum LoopbackPort {
    /// A port nothing listens on: the kernel picks a free one for a socket that is closed again at once.
    public static func closed() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestEnvironmentError("cannot create a socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw TestEnvironmentError("cannot bind a loopback socket") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
