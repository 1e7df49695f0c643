import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Buffered reads from a connected socket for `HTTPServer`: a request head, a line, or an exact count.
/// Every read is bounded by a limit, so a peer cannot make the server buffer without end.
struct SocketReader {
    /// The peer closed, the idle timeout hit, or the socket failed mid-request.
    struct Closed: Error {}

    private let socket: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var chunk = [UInt8](repeating: 0, count: 64 << 10)

    init(socket: Int32) {
        self.socket = socket
    }

    /// Bytes up to (not including) the blank line ending a head; nil on a clean close before any byte.
    /// The request line is checked as soon as it is complete, so garbage is refused without waiting.
    /// Throws 431 past `limit` bytes, 400 for a bad request line, `Closed` for a close mid-head.
    mutating func readHead(limit: Int) throws -> ArraySlice<UInt8>? {
        var requestLineChecked = false
        while true {
            let pending = buffer[start...]
            if let end = pending.firstRange(of: [13, 10, 13, 10]) {
                guard end.lowerBound - start <= limit else { throw HTTPStatusFailure(431) }
                start = end.upperBound
                return pending[..<end.lowerBound]
            }
            if !requestLineChecked, let newline = pending.firstIndex(of: 10) {
                let line = pending[..<newline]
                _ = try HTTPRequestHead.parseRequestLine(line.last == 13 ? line.dropLast() : line)
                requestLineChecked = true
            }
            guard pending.count <= limit else { throw HTTPStatusFailure(431) }
            guard fill() else {
                if pending.isEmpty { return nil }
                throw Closed()
            }
        }
    }

    /// One line without its CRLF (or bare LF). Throws 400 when longer than `limit`.
    mutating func readLine(limit: Int) throws -> ArraySlice<UInt8> {
        while true {
            let pending = buffer[start...]
            if let newline = pending.firstIndex(of: 10) {
                start = newline + 1
                let line = pending[..<newline]
                return line.last == 13 ? line.dropLast() : line
            }
            guard pending.count <= limit else { throw HTTPStatusFailure(400) }
            guard fill() else { throw Closed() }
        }
    }

    /// Exactly `count` bytes (the caller has checked `count` against the body limit).
    mutating func read(count: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(min(count, 1 << 20))  // a declared length is not yet a received one
        while true {
            let take = min(count - result.count, buffer.count - start)
            result += buffer[start..<(start + take)]
            start += take
            if result.count == count { return result }
            guard fill() else { throw Closed() }
        }
    }

    /// Reads and drops input until end of stream, a timeout, or `limit` bytes.
    mutating func discard(upTo limit: Int) {
        var discarded = 0
        while discarded < limit, fill() {
            discarded += buffer.count - start
            start = buffer.count
        }
    }

    /// Appends what the socket has (blocking); false on end of stream, timeout or error.
    private mutating func fill() -> Bool {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 64 << 10 {
            buffer.removeFirst(start)
            start = 0
        }
        while true {
            let received = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if received > 0 {
                buffer += chunk[0..<received]
                return true
            }
            if received < 0 && errno == EINTR { continue }
            return false
        }
    }
}
