import Foundation

/// The parsed start line and headers of a request received by `HTTPServer`, and how its body is framed.
/// Pure parsing over bytes, so malformed input becomes a status to answer with, never a crash.
struct HTTPRequestHead {
    /// How the body that follows the head is delimited.
    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
    }

    var method: String
    var target: String
    var isHTTP11: Bool
    var headers: HTTPHeaders

    /// Parses a head: everything before the blank line, lines ending in CRLF (a bare LF is tolerated).
    /// Throws the status to answer with (400) when the head is malformed.
    init(_ bytes: ArraySlice<UInt8>) throws(HTTPStatusFailure) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        while lines.last?.isEmpty == true {
            lines.removeLast()
        }
        guard let requestLine = lines.first else { throw HTTPStatusFailure(400) }
        (method, target, isHTTP11) = try Self.parseRequestLine(requestLine)
        headers = HTTPHeaders()
        for line in lines.dropFirst() {
            let (name, value) = try Self.parseField(line)
            headers.add(name: name, value: value)
        }
    }

    /// `METHOD SP target SP HTTP/1.x`; checked on its own too, so garbage is answered before a full head.
    static func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPStatusFailure) -> (String, String, Bool) {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(HTTPHeaders.isTokenByte),
            !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { throw HTTPStatusFailure(400) }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw HTTPStatusFailure(400) }
        return (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self),
                version == "HTTP/1.1")
    }

    private static func parseField(_ line: ArraySlice<UInt8>) throws(HTTPStatusFailure) -> (String, String) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw HTTPStatusFailure(400) }
        let name = line[..<colon]
        // No whitespace before the colon and no obsolete line folding (RFC 9112 5.1, 5.2).
        guard !name.isEmpty, name.allSatisfy(HTTPHeaders.isTokenByte) else { throw HTTPStatusFailure(400) }
        let value = line[line.index(after: colon)...].drop { $0 == 0x20 || $0 == 0x09 }
        guard value.allSatisfy({ $0 >= 0x20 || $0 == 0x09 }), !value.contains(0x7F) else {
            throw HTTPStatusFailure(400)
        }
        let trimmed = value.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
        return (String(decoding: name, as: UTF8.self), String(decoding: trimmed, as: UTF8.self))
    }

    /// Whether the connection stays open after the response (HTTP/1.1 unless `close`; 1.0 only on request).
    var keepAlive: Bool {
        let tokens = headers["Connection"].flatMap { $0.lowercased().split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return isHTTP11 ? !tokens.contains("close") : tokens.contains("keep-alive")
    }

    /// Whether the client waits for `100 Continue` before sending the body.
    var expectsContinue: Bool {
        isHTTP11 && headers.first(name: "Expect")?.lowercased() == "100-continue"
    }

    /// The body framing; 400 for conflicting or invalid lengths, 501 for codings other than chunked,
    /// 413 for a declared length over `maximumBodyBytes`.
    func framing(maximumBodyBytes: Int) throws(HTTPStatusFailure) -> Framing {
        let codings = headers["Transfer-Encoding"]
        let lengths = headers["Content-Length"].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if !codings.isEmpty {
            // Both headers at once is a request-smuggling pattern (RFC 9112 6.3): refuse it.
            guard lengths.isEmpty else { throw HTTPStatusFailure(400) }
            guard codings.map({ $0.lowercased().trimmingCharacters(in: .whitespaces) }) == ["chunked"] else {
                throw HTTPStatusFailure(501)
            }
            return .chunked
        }
        guard let first = lengths.first else { return .none }
        guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.count <= 18,
            first.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let length = Int(first)
        else { throw HTTPStatusFailure(400) }
        guard length <= maximumBodyBytes else { throw HTTPStatusFailure(413) }
        return length == 0 ? .none : .length(length)
    }
}

/// A request the server cannot serve: answered with `status` and the connection closed.
struct HTTPStatusFailure: Error {
    var status: Int

    init(_ status: Int) {
        self.status = status
    }
}
