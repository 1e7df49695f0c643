import AccessPoint
import Foundation
import HTTP
import Simulator
import Testing

/// Receipts on `GET /messages/in` and their acknowledgement (spec 10.4, 10.6).
@Suite("Access point client: incoming receipts")
struct IncomingTests {
    @Test("after delivery and the receipt delay, the kanal's receipt arrives; read, it is gone")
    func receiptRoundTrip() throws {
        let simulation = try AccessPointSimulation(receipts: ReceiptSettings(delay: 2))
        let (token, client) = (try simulation.token(), try simulation.client())
        let (letter, outcome) = try simulation.sendLetter(with: client, token: token)
        #expect(outcome == .accepted)
        #expect(try client.incoming(avsenderidentifikator: nil, pageSize: 10, token: token) == [])
        simulation.clock.advance(by: 2)
        let items = try client.incoming(avsenderidentifikator: nil, pageSize: 10, token: token)
        #expect(items.count == 1)
        let item = try #require(items.first)
        #expect(item.downloadURL == nil)
        let receiptId = try simulation.receiptId(item.businessMessage)
        #expect(receiptId.lowercased() != letter.messageId.uuidString.lowercased())
        try client.markRead(receiptId, token: token)
        #expect(try client.incoming(avsenderidentifikator: nil, pageSize: 10, token: token) == [])
        #expect(simulation.accessPoint.report.receiptsRead == 1)
    }

    @Test("another kanal does not see our receipts; a client without kanal sees every kanal")
    func kanalFilter() throws {
        let simulation = try AccessPointSimulation(receipts: ReceiptSettings(delay: 1))
        let token = try simulation.token()
        #expect(try simulation.sendLetter(with: simulation.client(), token: token).outcome == .accepted)
        simulation.clock.advance(by: 1)
        #expect(try simulation.client(kanal: "another_system")
            .incoming(avsenderidentifikator: nil, pageSize: 10, token: token) == [])
        #expect(try simulation.client(kanal: nil).incoming(avsenderidentifikator: nil, pageSize: 10, token: token)
            .count == 1)
        #expect(try simulation.client().incoming(avsenderidentifikator: "unit-a", pageSize: 10, token: token) == [])
    }

    @Test("the page size bounds the list")
    func pageSize() throws {
        let simulation = try AccessPointSimulation(receipts: ReceiptSettings(delay: 1))
        let token = try simulation.token()
        let client = try simulation.client()
        for _ in 0..<3 {
            #expect(try simulation.sendLetter(with: client, token: token).outcome == .accepted)
        }
        simulation.clock.advance(by: 1)
        #expect(try client.incoming(avsenderidentifikator: nil, pageSize: 2, token: token).count == 2)
        #expect(try client.incoming(avsenderidentifikator: nil, pageSize: 5, token: token).count == 3)
    }

    @Test("acknowledging an unknown or already read receipt is fine (404 counts as read)")
    func unknownReceipt() throws {
        let simulation = try AccessPointSimulation()
        let client = try simulation.client()
        let token = try simulation.token()
        try client.markRead(UUID().uuidString.lowercased(), token: token)
        try client.markRead("not/a uuid?", token: token)
    }

    @Test("polls and acknowledgements with a bogus token throw unauthorized; above the rate, rate limited")
    func refused() throws {
        let simulation = try AccessPointSimulation(faults: FaultSettings(requestsPerSecond: 2))
        let client = try simulation.client()
        let unauthorized = #expect(throws: AccessPointError.self) {
            try client.incoming(avsenderidentifikator: nil, pageSize: 10, token: "bogus")
        }
        #expect(unauthorized?.code == .unauthorized)
        let unread = #expect(throws: AccessPointError.self) { try client.markRead(UUID().uuidString, token: "x") }
        #expect(unread?.code == .unauthorized)
        let limited = #expect(throws: AccessPointError.self) {
            try client.incoming(avsenderidentifikator: nil, pageSize: 10, token: "bogus")
        }
        #expect(limited?.code == .rateLimited)
        #expect(limited?.retryAfter == 1)
        #expect(limited?.disposition == .retry)
    }
}
