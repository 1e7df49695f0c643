import DPI
import Foundation
import HTTP
import Simulator
import Testing

/// Each fault flag is observable over HTTP and in the report (spec 17.3).
@Suite("Access point simulator: injected faults")
struct AccessPointFaultTests {
    @Test("above the request rate: 429 with Retry-After, counted; the limit applies per second of the clock")
    func rateLimit() throws {
        let fixture = try AccessPointFixture(faults: FaultSettings(requestsPerSecond: 2))
        let token = try fixture.accessToken()
        let statuses = try (0..<4).map { _ in try fixture.request(.get, "/messages/in", token: token) }
        #expect(statuses.map(\.status) == [204, 204, 429, 429])
        #expect(statuses[2].headers.first(name: "Retry-After") == "1")
        #expect(try fixture.report().tooManyRequests == 2)
        fixture.clock.advance(by: 1)
        #expect(try fixture.request(.get, "/messages/in", token: token).status == 204)
    }

    @Test("a 500 after storing still stores the letter: statuses know it and a resend is a duplicate")
    func failureAfterStore() throws {
        let fixture = try AccessPointFixture(faults: FaultSettings(failAfterStoreShare: 1))
        let token = try fixture.accessToken()
        let letter = try fixture.digitalLetter(token: token)
        #expect(try fixture.send(letter, token: token).status == 500)
        let id = letter.messageId.uuidString.lowercased()
        #expect(try fixture.request(.get, "/messages/out/\(id)/statuses", token: token).status == 200)
        #expect(try fixture.send(letter, token: token).status == 400)
        let report = try fixture.report()
        #expect(report.accepted == 1)
        #expect(report.failedAfterStore == 1)
        #expect(report.duplicateAttempts == 1)
    }

    @Test("a 503 stores nothing: the statuses do not know the letter")
    func unavailableBeforeStore() throws {
        let fixture = try AccessPointFixture(faults: FaultSettings(unavailableShare: 1))
        let token = try fixture.accessToken()
        let letter = try fixture.digitalLetter(token: token)
        let response = try fixture.send(letter, token: token)
        #expect(response.status == 503)
        #expect(response.headers.first(name: "Retry-After") == "1")
        let id = letter.messageId.uuidString.lowercased()
        #expect(try fixture.request(.get, "/messages/out/\(id)/statuses", token: token).status == 404)
        #expect(try fixture.report().accepted == 0)
    }

    @Test("a dropped connection after storing: the client gets no answer, the letter is stored")
    func droppedAfterStore() throws {
        let fixture = try AccessPointFixture(faults: FaultSettings(dropAfterStoreShare: 1))
        let token = try fixture.accessToken()
        let letter = try fixture.digitalLetter(token: token)
        // A new connection: libcurl resends on a reused keep-alive connection that closes at once.
        let fresh = try HTTPClient()
        #expect(throws: (any Error).self) {
            try fixture.send(jwt: letter.jwt, cms: letter.cms, token: token, connection: fresh)
        }
        let report = try fixture.report()
        #expect(report.accepted == 1)
        #expect(report.droppedAfterStore == 1)
    }

    @Test("latency 0.3: an access point answer takes at least 0.3 s (a lower bound on the injected delay)")
    func latency() throws {
        let fixture = try AccessPointFixture(faults: FaultSettings(latency: 0.3))
        let token = try fixture.accessToken()   // Maskinporten is not delayed: only the access point is
        var status = 0
        let elapsed = try ContinuousClock().measure {
            status = try fixture.request(.get, "/messages/in", token: token).status
        }
        #expect(status == 204)
        #expect(elapsed >= .milliseconds(300))
    }
}

/// An injected transport failure shows as `FEILET` in the statuses, and the letter gets no receipt.
@Suite("Access point simulator: transport failure")
struct AccessPointTransportFailureTests {
    @Test("a transport failure share of 1: OPPRETTET then FEILET with a beskrivelse, and no receipt")
    func transportFailure() throws {
        let fixture = try AccessPointFixture(faults: FaultSettings(transportFailureShare: 1))
        let token = try fixture.accessToken()
        let letter = try fixture.digitalLetter(token: token)
        #expect(try fixture.send(letter, token: token).status == 201)
        fixture.clock.advance(by: 10)
        let id = letter.messageId.uuidString.lowercased()
        let response = try fixture.request(.get, "/messages/out/\(id)/statuses", token: token)
        let statuses = try #require(try JSONSerialization.jsonObject(with: response.body) as? [[String: Any]])
        #expect(statuses.compactMap { $0["status"] as? String } == ["OPPRETTET", "FEILET"])
        #expect(statuses.last?["beskrivelse"] is String)
        #expect(try fixture.inbox(token: token).isEmpty)
    }
}
