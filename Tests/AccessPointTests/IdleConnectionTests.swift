import AccessPoint
import Foundation
import HTTP
import TestSupport
import Testing

/// The price of note 1 of the `SendOutcome` table: a real rejection that arrives on a connection opened because
/// the server closed the idle kept-alive one cannot be told from libcurl's silent resend, so it is uncertain once;
/// the `statuses` check the sender then makes warms the connection, and the resend comes back rejected.
@Suite("Access point client: rejection after an idle connection was closed")
struct IdleConnectionTests {
    @Test("a 400 on a replacement connection is uncertain once, then rejected over the warm connection")
    func rejectionAfterIdleClose() throws {
        // Three seconds idle: the statuses call and the send after it must share one connection even when this
        // machine is slow.
        let server = try HTTPServer(configuration: .init(idleTimeout: 3)) { request in
            guard request.method == "POST" else {
                return HTTPResponse(status: 404)
            }
            return HTTPResponse(status: 400, headers: ["Content-Type": "application/problem+json"],
                                body: Data(#"{"status":400,"detail":"schema: missing field"}"#.utf8))
        }
        defer { server.stop() }
        let client = try AccessPointClient(baseURL: server.baseURL, kanal: nil, client: HTTPClient())
        #expect(try client.statuses(of: UUID(), token: "token") == nil)
        // Let the server close the idle connection (a wait for the server, not a timing assertion).
        #expect(waitUntil(timeout: .seconds(20)) { server.openConnections == 0 })
        guard case .uncertain = client.send(jwt: "a.b.c", cms: Data([1]), token: "token") else {
            Issue.record("a 4xx on a replacement connection must be resolved through the statuses first")
            return
        }
        #expect(try client.statuses(of: UUID(), token: "token") == nil)
        #expect(client.send(jwt: "a.b.c", cms: Data([1]), token: "token")
            == .rejected(Problem(status: 400, detail: "schema: missing field")))
    }
}
