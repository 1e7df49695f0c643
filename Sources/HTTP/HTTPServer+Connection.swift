import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Serves the requests of one accepted connection, in order, until the peer closes, asks to close,
/// stays idle past the timeout, or sends something malformed (answered with 4xx, then closed).
final class ServerConnection {
    /// The peer went away or the socket failed; nothing more can be sent.
    private struct Closed: Error {}

    private let socket: Int32
    private let configuration: HTTPServer.Configuration
    private let handler: HTTPServer.Handler
    private var reader: SocketReader

    init(socket: Int32, configuration: HTTPServer.Configuration, handler: @escaping HTTPServer.Handler) {
        self.socket = socket
        self.configuration = configuration
        self.handler = handler
        reader = SocketReader(socket: socket)
    }

    func serve() {
        do {
            while let (head, request) = try readRequest() {
                let response = handler(request)
                let keepAlive = head.keepAlive && response.fault == nil
                try send(response, keepAlive: keepAlive, includeBody: head.method != "HEAD")
                guard keepAlive else { return }
            }
        } catch let failure as HTTPStatusFailure {
            let phrase = HTTPResponse.reasonPhrase(failure.status)
            let response = HTTPResponse(status: failure.status, headers: ["Content-Type": "text/plain"],
                                        body: Data((phrase + "\n").utf8))
            try? send(response, keepAlive: false, includeBody: true)
            drainBeforeClose()
        } catch {
            return
        }
    }

    /// The next request, or nil when the peer closed cleanly between requests.
    private func readRequest() throws -> (HTTPRequestHead, HTTPServerRequest)? {
        guard let headBytes = try reader.readHead(limit: configuration.maximumHeaderBytes) else { return nil }
        let head = try HTTPRequestHead(headBytes)
        let framing = try head.framing(maximumBodyBytes: configuration.maximumBodyBytes)
        if head.expectsContinue && framing != .none {
            try write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        let body: [UInt8]
        switch framing {
        case .none: body = []
        case .length(let count): body = try reader.read(count: count)
        case .chunked: body = try readChunkedBody()
        }
        return (head, HTTPServerRequest(method: head.method, target: head.target, headers: head.headers,
                                        body: Data(body)))
    }

    /// RFC 9112 7.1: hex size lines (extensions ignored), data, CRLF; a zero size, then trailers (discarded).
    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let line = try reader.readLine(limit: 1024)
            let size = line.prefix { $0 != UInt8(ascii: ";") }.filter { $0 != 0x20 && $0 != 0x09 }
            guard !size.isEmpty, size.count <= 15, size.allSatisfy(\.isHexDigit),
                let count = Int(String(decoding: size, as: UTF8.self), radix: 16)
            else { throw HTTPStatusFailure(400) }
            if count == 0 {
                var trailerBytes = 0
                let limit = configuration.maximumHeaderBytes
                while case let trailer = try reader.readLine(limit: limit), !trailer.isEmpty {
                    trailerBytes += trailer.count
                    guard trailerBytes <= limit else { throw HTTPStatusFailure(431) }
                }
                return body
            }
            guard body.count + count <= configuration.maximumBodyBytes else { throw HTTPStatusFailure(413) }
            body += try reader.read(count: count)
            guard try reader.readLine(limit: 2).isEmpty else { throw HTTPStatusFailure(400) }
        }
    }

    private func send(_ response: HTTPResponse, keepAlive: Bool, includeBody: Bool) throws {
        switch response.fault {
        case .closeWithoutResponse:
            return
        case .closeAfterHeaders:
            try write(response.wireHead(keepAlive: false))
        case nil:
            try write(response.wireHead(keepAlive: keepAlive))
            if includeBody && response.hasBody && !response.body.isEmpty {
                try response.body.withUnsafeBytes { try write($0) }
            }
        }
    }

    private func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = Glibc.send(socket, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { throw Closed() }
            offset += sent
        }
    }

    /// After an error response, stop sending and read (briefly, boundedly) what the peer is still sending,
    /// so closing does not reset the connection and destroy the error response before the peer reads it.
    private func drainBeforeClose() {
        shutdown(socket, Int32(SHUT_WR))
        ServerSocket.setTimeout(socket, 1)
        reader.discard(upTo: 4 << 20)
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
