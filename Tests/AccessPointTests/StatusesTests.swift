import AccessPoint
import Foundation
import HTTP
import Simulator
import TestSupport
import Testing

/// `GET /messages/out/{id}/statuses` against the simulator (spec 10.3).
@Suite("Access point client: transport statuses")
struct StatusesTests {
    @Test("an accepted letter is OPPRETTET, then also SENDT once the forwarding delay has passed")
    func forwarded() throws {
        let simulation = try AccessPointSimulation(forwardDelay: 5)
        let (token, client) = (try simulation.token(), try simulation.client())
        let (letter, outcome) = try simulation.sendLetter(with: client, token: token)
        #expect(outcome == .accepted)
        let created = try #require(try client.statuses(of: letter.messageId, token: token))
        #expect(created.map(\.status) == [.opprettet])
        #expect(created.first?.timestamp == simulation.clock.now)
        simulation.clock.advance(by: 5)
        let sent = try #require(try client.statuses(of: letter.messageId, token: token))
        #expect(sent.map(\.status) == [.opprettet, .sendt])
        #expect(sent.last?.timestamp == simulation.clock.now)
    }

    @Test("a transport failure is FEILET with its description")
    func transportFailure() throws {
        let simulation = try AccessPointSimulation(faults: FaultSettings(transportFailureShare: 1))
        let (token, client) = (try simulation.token(), try simulation.client())
        let (letter, outcome) = try simulation.sendLetter(with: client, token: token)
        #expect(outcome == .accepted)
        let statuses = try #require(try client.statuses(of: letter.messageId, token: token))
        #expect(statuses.map(\.status) == [.opprettet, .feilet])
        #expect(statuses.last?.description?.isEmpty == false)
    }

    @Test("an id the access point does not know is nil")
    func unknown() throws {
        let simulation = try AccessPointSimulation()
        #expect(try simulation.client().statuses(of: UUID(), token: simulation.token()) == nil)
    }

    @Test("a bogus token throws unauthorized (abort), a missing scope forbidden")
    func refusedToken() throws {
        let simulation = try AccessPointSimulation()
        let client = try simulation.client()
        let unauthorized = #expect(throws: AccessPointError.self) {
            try client.statuses(of: UUID(), token: "bogus")
        }
        #expect(unauthorized?.code == .unauthorized)
        #expect(unauthorized?.status == 401)
        #expect(unauthorized?.problem?.status == 401)
        let token = try simulation.token(scope: AccessPointSimulation.contactScope)
        let forbidden = #expect(throws: AccessPointError.self) {
            try client.statuses(of: UUID(), token: token)
        }
        #expect(forbidden?.code == .forbidden)
        #expect(forbidden?.disposition == .abort)
    }

    @Test("nothing listening: a transport error to retry")
    func connectionRefused() throws {
        let port = try LoopbackPort.closed()
        let client = try AccessPointClient(baseURL: "http://127.0.0.1:\(port)", kanal: nil, client: HTTPClient())
        let error = #expect(throws: AccessPointError.self) {
            try client.statuses(of: UUID(), token: "token")
        }
        #expect(error?.code == .transport)
        #expect(error?.disposition == .retry)
    }
}
