import Foundation
import HTTP
import Testing
import TestSupport

@Suite("HTTPClient failure classification")
struct ClientFailureTests {
    @Test func slowServerGivesTimeoutThatMayHaveBeenSent() throws {
        let release = DispatchSemaphore(value: 0)
        let server = try HTTPServer { _ in
            _ = release.wait(timeout: .now() + 10)
            return HTTPResponse(status: 201)
        }
        defer {
            release.signal()
            server.stop()
        }
        let request = HTTPRequest(
            method: .post, url: server.baseURL + "/messages/out", headers: ["Authorization": "Bearer secret-token"],
            body: .bytes(Data("payload".utf8)), timeouts: HTTPTimeouts(connect: 5, total: 1.5))
        let error = try #require(throws: HTTPError.self) { try HTTPClient().perform(request) }
        #expect(error.code == .timeout)
        #expect(error.disposition == .retry)
        #expect(error.requestMayHaveBeenSent)
        #expect(!error.description.contains("secret-token") && !error.debugDescription.contains("secret-token"))
        #expect(!error.debugDescription.contains("payload"))
        #expect(error.debugDescription.contains("Operation timed out") || error.debugDescription.contains("timed out"))
    }

    @Test func closedPortGivesConnectFailureNotSent() throws {
        let port = try HTTPServer { _ in HTTPResponse(status: 200) }.port  // freed as soon as it is read
        let request = HTTPRequest(url: "http://127.0.0.1:\(port)/", timeouts: HTTPTimeouts(connect: 5, total: 10))
        let error = try #require(throws: HTTPError.self) { try HTTPClient().perform(request) }
        #expect(error.code == .connectFailed)
        #expect(error.disposition == .retry)
        #expect(!error.requestMayHaveBeenSent)
    }

    @Test(arguments: [HTTPServerFault.closeAfterHeaders, .closeWithoutResponse])
    func droppedConnectionGivesRetryWithUnknownOutcome(fault: HTTPServerFault) throws {
        let server = try HTTPServer { _ in
            HTTPResponse(status: 201, body: Data(repeating: 65, count: 1000), fault: fault)
        }
        defer { server.stop() }
        let request = HTTPRequest(method: .post, url: server.baseURL + "/messages/out", body: .bytes(Data("x".utf8)))
        let error = try #require(throws: HTTPError.self) { try HTTPClient().perform(request) }
        #expect(error.code == .connectionDropped)
        #expect(error.disposition == .retry)
        #expect(error.requestMayHaveBeenSent)
    }

    @Test func clientRecoversOnNewConnectionAfterADroppedOne() throws {
        let calls = Locked(0)
        let server = try HTTPServer { _ in
            calls.value += 1
            return HTTPResponse(status: 200, fault: calls.value == 1 ? .closeWithoutResponse : nil)
        }
        defer { server.stop() }
        let client = try HTTPClient()
        #expect(throws: HTTPError.self) { try client.perform(HTTPRequest(url: server.baseURL + "/")) }
        #expect(try client.perform(HTTPRequest(url: server.baseURL + "/")).status == 200)
        #expect(server.acceptedConnections == 2)
    }

    @Test func stalledServerHitsTheLowSpeedLimit() throws {
        let release = DispatchSemaphore(value: 0)
        let server = try HTTPServer { _ in
            _ = release.wait(timeout: .now() + 10)
            return HTTPResponse(status: 200)
        }
        defer {
            release.signal()
            server.stop()
        }
        let timeouts = HTTPTimeouts(connect: 5, total: 30, lowSpeedBytesPerSecond: 1000, lowSpeedSeconds: 1)
        let error = try #require(throws: HTTPError.self) {
            try HTTPClient().perform(HTTPRequest(url: server.baseURL + "/", timeouts: timeouts))
        }
        #expect(error.code == .timeout)
        #expect(error.requestMayHaveBeenSent)
    }

    @Test func timeoutDuringTLSHandshakeWasNotSent() throws {
        // A peer that accepts TCP connections (via the listen backlog) but never answers the TLS handshake.
        let silentPeer = """
            import socket, sys, time
            listener = socket.socket()
            listener.bind(('127.0.0.1', 0))
            listener.listen(8)
            print(listener.getsockname()[1], flush=True)
            time.sleep(20)
            """
        let peer = try BackgroundProcess("python3", ["-c", silentPeer])
        defer { peer.stop() }
        try #require(waitUntil(timeout: .seconds(10)) { peer.output().last == UInt8(ascii: "\n") })
        let port = String(decoding: peer.output(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let request = HTTPRequest(method: .post, url: "https://127.0.0.1:\(port)/messages/out",
                                  body: .bytes(Data("x".utf8)), timeouts: HTTPTimeouts(connect: 0.5, total: 0.5))
        let error = try #require(throws: HTTPError.self) { try HTTPClient().perform(request) }
        #expect(error.code == .timeout)
        #expect(error.disposition == .retry)
        #expect(!error.requestMayHaveBeenSent)
    }
}
