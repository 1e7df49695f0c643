import Foundation
import HTTP
import Testing
import TestSupport

/// Raw bytes sent with Python's socket module, so the server sees exactly what a broken or hostile peer
/// would send. Prints everything received until the server closes (fails after 5 s of silence).
private let rawExchange = """
    import socket, sys
    port, mode = int(sys.argv[1]), sys.argv[2]
    data = sys.stdin.buffer.read()
    connection = socket.create_connection(('127.0.0.1', port), timeout=5)
    connection.sendall(data)
    if mode == 'drop':
        connection.close()
        sys.exit(0)
    if mode == 'half-close':
        connection.shutdown(socket.SHUT_WR)
    received = b''
    while True:
        chunk = connection.recv(65536)
        if not chunk:
            break
        received += chunk
    sys.stdout.buffer.write(received)
    """

private func exchange(_ server: HTTPServer, _ bytes: String, mode: String = "read") throws -> String {
    let result = try ChildProcess.run("python3", ["-c", rawExchange, String(server.port), mode],
                                      input: Data(bytes.utf8))
    #expect(result.status == 0, "\(result.stderr)")
    return result.text
}

@Suite("HTTPServer robustness against malformed and hostile input")
struct ServerRobustnessTests {
    static let cases: [(String, String)] = [
        ("HELLO WORLD\r\n\r\n", "HTTP/1.1 400 "),
        ("GET /\r\n\r\n", "HTTP/1.1 400 "),
        ("GET / HTTP/2.0\r\n\r\n", "HTTP/1.1 400 "),
        ("GET / HTTP/1.1\r\nNo colon here\r\n\r\n", "HTTP/1.1 400 "),
        ("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", "HTTP/1.1 400 "),
        ("GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 20_000) + "\r\n\r\n", "HTTP/1.1 431 "),
        ("POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n", "HTTP/1.1 400 "),
        ("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", "HTTP/1.1 400 "),
        ("POST / HTTP/1.1\r\nContent-Length: 5000\r\n\r\n" + String(repeating: "b", count: 5000), "HTTP/1.1 413 "),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n", "HTTP/1.1 400 "),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", "HTTP/1.1 501 "),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", "HTTP/1.1 400 "),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n", "HTTP/1.1 400 "),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" + String(repeating: "c", count: 2048)
            + "\r\n0\r\n\r\n", "HTTP/1.1 413 "),
    ]

    @Test(arguments: cases)
    func malformedRequestIsAnsweredWithErrorAndClosed(request: String, expectedStart: String) throws {
        let handled = Locked(0)
        let server = try HTTPServer(configuration: .init(maximumBodyBytes: 1000)) { _ in
            handled.value += 1
            return HTTPResponse(status: 200)
        }
        defer { server.stop() }
        let response = try exchange(server, request)  // returns only once the server closed the connection
        #expect(response.hasPrefix(expectedStart))
        #expect(response.contains("Connection: close"))
        #expect(handled.value == 0)
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let server = try makeEchoServer()
        defer { server.stop() }
        let response = try exchange(
            server,
            "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nonePOST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;ext=1\r\ntwo\r\n0\r\nTrailer: x\r\n\r\nGET /c HTTP/1.1\r\nConnection: close\r\n\r\n")
        let targets = response.split(separator: "\r\n").filter { $0.hasPrefix("X-Target: ") }
        #expect(targets == ["X-Target: /a", "X-Target: /b", "X-Target: /c"])
        #expect(response.contains("\r\n\r\none") && response.contains("\r\n\r\ntwo"))
    }

    @Test func http10RequestIsAnsweredAndClosed() throws {
        let server = try makeEchoServer()
        defer { server.stop() }
        let response = try exchange(server, "GET /old HTTP/1.0\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 200 "))
        #expect(response.contains("Connection: close"))
    }

    @Test func droppedConnectionsMidRequestLeaveTheServerServing() throws {
        let handled = Locked(0)
        let server = try HTTPServer { _ in
            handled.value += 1
            return HTTPResponse(status: 200)
        }
        defer { server.stop() }
        _ = try exchange(server, "POST / HTTP/1.1\r\nContent-Length: 1000\r\n\r\nonly ten b", mode: "drop")
        _ = try exchange(server, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc", mode: "drop")
        #expect(try exchange(server, "GET / HTTP/1.1\r\nContent-", mode: "half-close").isEmpty)
        #expect(try exchange(server, "\u{01}\u{02}garbage without newline", mode: "half-close").isEmpty)
        #expect(try HTTPClient().perform(HTTPRequest(url: server.baseURL + "/")).status == 200)
        #expect(handled.value == 1)
    }

    @Test func stopClosesIdleKeepAliveConnections() throws {
        let server = try makeEchoServer()
        let client = try HTTPClient()
        #expect(try client.perform(HTTPRequest(url: server.baseURL + "/")).status == 200)
        #expect(server.openConnections == 1)
        server.stop()
        #expect(server.openConnections == 0)
        #expect(throws: HTTPError.self) { try client.perform(HTTPRequest(url: server.baseURL + "/")) }
    }

    @Test func expectContinueIsAnsweredBeforeTheBody() throws {
        let server = try makeEchoServer()
        defer { server.stop() }
        let response = try exchange(
            server, "POST /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
        #expect(response.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"))
        #expect(response.hasSuffix("\r\n\r\nhello"))
    }

    @Test func givenPortIsBoundAndAPortInUseIsRefused() throws {
        let first = try HTTPServer { _ in HTTPResponse(status: 200) }
        defer { first.stop() }
        let error = try #require(throws: HTTPError.self) {
            try HTTPServer(configuration: .init(port: first.port)) { _ in HTTPResponse(status: 200) }
        }
        #expect(error.code == .serverFailed)
        #expect(error.disposition == .abort)
        let port = first.port
        first.stop()
        let second = try HTTPServer(configuration: .init(port: port)) { _ in HTTPResponse(status: 204) }
        defer { second.stop() }
        #expect(second.port == port)
        #expect(try HTTPClient().perform(HTTPRequest(url: second.baseURL + "/")).status == 204)
    }
}
