import AccessPoint
import DPI
import Foundation
import HTTP
import Simulator
import TestSupport
import Testing

/// Sends that meet the simulator's injected faults: each lands in the row of the `SendOutcome` table that keeps
/// delivery exactly-once (spec 12.1, 17.3).
@Suite("Access point client: send under faults")
struct SendFaultTests {
    @Test("above the rate limit: rate limited with the Retry-After delay, nothing stored")
    func rateLimited() throws {
        let simulation = try AccessPointSimulation(faults: FaultSettings(requestsPerSecond: 1))
        let (token, client) = (try simulation.token(), try simulation.client())
        #expect(try client.incoming(avsenderidentifikator: nil, pageSize: 10, token: token) == [])
        let (_, outcome) = try simulation.sendLetter(with: client, token: token)
        #expect(outcome == .rateLimited(retryAfter: 1))
        #expect(!outcome.mayHaveBeenStored)
        #expect(simulation.accessPoint.report.accepted == 0)
    }

    @Test("a 503 is unavailable with its problem and Retry-After; the statuses confirm nothing was stored")
    func unavailable() throws {
        let simulation = try AccessPointSimulation(faults: FaultSettings(unavailableShare: 1))
        let (token, client) = (try simulation.token(), try simulation.client())
        let (letter, outcome) = try simulation.sendLetter(with: client, token: token)
        guard case .unavailable(let problem, let retryAfter) = outcome else {
            Issue.record("a 503 must be unavailable, got \(outcome.summary)")
            return
        }
        #expect(problem?.status == 503)
        #expect(retryAfter == 1)
        #expect(!outcome.mayHaveBeenStored)
        #expect(try client.statuses(of: letter.messageId, token: token) == nil)
    }

    @Test("a 500 after storing is uncertain, and the statuses then show the letter")
    func failedAfterStore() throws {
        let simulation = try AccessPointSimulation(faults: FaultSettings(failAfterStoreShare: 1))
        let (token, client) = (try simulation.token(), try simulation.client())
        let (letter, outcome) = try simulation.sendLetter(with: client, token: token)
        guard case .uncertain(let reason) = outcome else {
            Issue.record("a 500 must be uncertain, got \(outcome.summary)")
            return
        }
        #expect(reason.contains("HTTP 500"))
        #expect(outcome.mayHaveBeenStored)
        let statuses = try #require(try client.statuses(of: letter.messageId, token: token))
        #expect(statuses.first?.status == .opprettet)
    }

    @Test("a connection dropped after storing is uncertain, and the statuses then show the letter")
    func droppedAfterStore() throws {
        let simulation = try AccessPointSimulation(faults: FaultSettings(dropAfterStoreShare: 1))
        let (token, client) = (try simulation.token(), try simulation.client())
        let (letter, outcome) = try simulation.sendLetter(with: client, token: token)
        guard case .uncertain = outcome else {
            Issue.record("a dropped answer must be uncertain, got \(outcome.summary)")
            return
        }
        #expect(simulation.accessPoint.report.droppedAfterStore == 1)
        #expect(try client.statuses(of: letter.messageId, token: token) != nil)
    }

    @Test("dropped on a kept-alive connection: libcurl's silent resend is refused as a reused id, still uncertain")
    func droppedOnKeptAliveConnection() throws {
        let simulation = try AccessPointSimulation(faults: FaultSettings(dropAfterStoreShare: 1))
        let (token, client) = (try simulation.token(), try simulation.client())
        #expect(try client.incoming(avsenderidentifikator: nil, pageSize: 10, token: token) == [])   // warm up
        let (letter, outcome) = try simulation.sendLetter(with: client, token: token)
        guard case .uncertain(let reason) = outcome else {
            Issue.record("the letter is stored, so this must not be \(outcome.summary)")
            return
        }
        #expect(reason.contains("new connection"))
        let report = simulation.accessPoint.report
        #expect(report.accepted == 1)
        #expect(report.duplicateAttempts == 1)   // the resend libcurl made on its own
        #expect(try client.statuses(of: letter.messageId, token: token) != nil)
    }

    @Test("a timeout after the upload is uncertain; the letter is stored all the same")
    func timeoutAfterUpload() throws {
        let simulation = try AccessPointSimulation(faults: FaultSettings(latency: 3))
        let client = try simulation.client(timeouts: HTTPTimeouts(connect: 5, total: 1.5))
        let (_, outcome) = try simulation.sendLetter(with: client, token: simulation.token())
        guard case .uncertain(let reason) = outcome else {
            Issue.record("a timeout after sending must be uncertain, got \(outcome.summary)")
            return
        }
        #expect(reason.contains("timed out"))
        #expect(waitUntil(timeout: .seconds(10)) { simulation.accessPoint.report.accepted == 1 })
    }

    @Test("nothing listening: not sent, safe to resend the same bytes")
    func connectionRefused() throws {
        let port = try LoopbackPort.closed()
        let client = try AccessPointClient(baseURL: "http://127.0.0.1:\(port)", kanal: nil, client: HTTPClient())
        let outcome = client.send(jwt: "a.b.c", cms: Data([1, 2, 3]), token: "token")
        guard case .notSent(let reason) = outcome else {
            Issue.record("a refused connection must be not sent, got \(outcome.summary)")
            return
        }
        #expect(reason.contains("could not connect"))
        #expect(!outcome.mayHaveBeenStored)
        #expect(outcome.disposition == .retry)
    }
}
