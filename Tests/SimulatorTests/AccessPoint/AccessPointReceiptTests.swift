import DPI
import Foundation
import HTTP
import Simulator
import Testing

/// Receipts come back on `GET /messages/in` after the configured delay, signed by the provider that got
/// the letter, in the order and mix `ReceiptSettings` asks for, and leave the list once read (spec 10.4-10.6, 16).
@Suite("Access point simulator: receipts")
struct AccessPointReceiptTests {
    /// Accepts one letter made by `make`, advances the clock by `seconds`, and returns the verified receipts
    /// from `provider` with their JWTs.
    private func receipts(settings: ReceiptSettings = ReceiptSettings(), after seconds: Double,
                          from provider: OrganisationNumber = AccessPointFixture.digipost,
                          make: (AccessPointFixture, String) throws -> SealedLetter
                              = { try $0.digitalLetter(token: $1) })
        throws -> (fixture: AccessPointFixture, token: String, letter: SealedLetter,
                   receipts: [(String, BusinessMessage)]) {
        let fixture = try AccessPointFixture(receipts: settings)
        let token = try fixture.accessToken()
        let letter = try make(fixture, token)
        #expect(try fixture.send(letter, token: token).status == 201)
        fixture.clock.advance(by: seconds)
        let verifier = try AccessPointFixture.receiptVerifier()
        let jwts = try fixture.inbox(token: token)
        let messages = try jwts.map { ($0, try verifier.verify($0, from: provider)) }
        for (_, message) in messages {
            #expect(message.conversationId == letter.conversationId)
            #expect(message.receiverOrganisationNumber == AccessPointFixture.sender)
        }
        return (fixture, token, letter, messages)
    }

    @Test("no receipt before the delay (204); then a leveringskvittering signed by Digipost; gone after /read")
    func deliveryReceiptAfterDelayThenRead() throws {
        let fixture = try AccessPointFixture(receipts: ReceiptSettings(delay: 5))
        let token = try fixture.accessToken()
        let letter = try fixture.digitalLetter(token: token)
        #expect(try fixture.send(letter, token: token).status == 201)
        #expect(try fixture.request(.get, "/messages/in", token: token).status == 204)
        fixture.clock.advance(by: 5)
        let jwts = try fixture.inbox(token: token)
        #expect(jwts.count == 1)
        let receipt = try AccessPointFixture.receiptVerifier().verify(try #require(jwts.first),
                                                                      from: AccessPointFixture.digipost)
        #expect(receipt.type == .leveringskvittering)
        #expect(receipt.conversationId == letter.conversationId)
        #expect(receipt.body.receipt?.recipient.organisation.organisationNumber == AccessPointFixture.sender)
        #expect(throws: DPIError.self) {
            try AccessPointFixture.receiptVerifier().verify(jwts[0], from: AccessPointFixture.eboks)
        }
        let id = try #require(receipt.messageId).uuidString.lowercased()
        #expect(try fixture.request(.post, "/messages/in/\(id)/read", token: token).status == 200)
        #expect(try fixture.request(.get, "/messages/in", token: token).status == 204)
        #expect(try fixture.request(.post, "/messages/in/\(id)/read", token: token).status == 404)
        #expect(try fixture.request(.get, "/messages/in/\(id)", token: token).status == 404)
        let report = try fixture.report()
        #expect(report.receiptsIssued == 1)
        #expect(report.receiptsRead == 1)
    }

    @Test("a letter asking for an opening receipt gets leveringskvittering, then aapningskvittering")
    func openingReceiptWhenAsked() throws {
        let result = try receipts(settings: ReceiptSettings(delay: 1, openingDelay: 10), after: 11) {
            try $0.digitalLetter(token: $1, requestsOpeningReceipt: true)
        }
        #expect(result.receipts.map(\.1.type) == [.leveringskvittering, .aapningskvittering])
        let plain = try receipts(settings: ReceiptSettings(delay: 1, openingDelay: 10), after: 11)
        #expect(plain.receipts.map(\.1.type) == [.leveringskvittering])
    }

    @Test("a print letter gets mottakskvittering then leveringskvittering from the print provider")
    func printReceipts() throws {
        let result = try receipts(after: 2, from: AccessPointFixture.printProvider) { try $0.printLetter(token: $1) }
        #expect(result.receipts.map(\.1.type) == [.mottakskvittering, .leveringskvittering])
    }

    @Test("shares of 1: feil instead of delivery; returpost after posting; varslingfeilet beside delivery")
    func configuredShares() throws {
        let failed = try receipts(settings: ReceiptSettings(errorShare: 1), after: 5)
        #expect(failed.receipts.map(\.1.type) == [.feil])
        if case .error(let error) = try #require(failed.receipts.first?.1).body {
            #expect(error.kind == .client)
        } else {
            Issue.record("not a feil body")
        }
        let returned = try receipts(settings: ReceiptSettings(returnedMailShare: 1), after: 5,
                                    from: AccessPointFixture.printProvider) { try $0.printLetter(token: $1) }
        #expect(returned.receipts.map(\.1.type) == [.mottakskvittering, .leveringskvittering, .returpostkvittering])
        let notified = try receipts(settings: ReceiptSettings(notificationFailedShare: 1), after: 5)
        #expect(notified.receipts.map(\.1.type) == [.leveringskvittering, .varslingfeiletkvittering])
    }

    @Test("out of order: the posting receipt comes before the reception receipt")
    func outOfOrder() throws {
        let result = try receipts(settings: ReceiptSettings(outOfOrderShare: 1), after: 5,
                                  from: AccessPointFixture.printProvider) { try $0.printLetter(token: $1) }
        #expect(result.receipts.map(\.1.type) == [.leveringskvittering, .mottakskvittering])
    }

    @Test("a duplicated receipt is listed twice with the same id; each copy is read once, then 404")
    func duplicatedReceipt() throws {
        let result = try receipts(settings: ReceiptSettings(duplicateShare: 1), after: 5)
        #expect(result.receipts.count == 2)
        #expect(result.receipts[0].0 == result.receipts[1].0)
        let id = try #require(result.receipts[0].1.messageId).uuidString.lowercased()
        for expected in [200, 200, 404] {
            let read = try result.fixture.request(.post, "/messages/in/\(id)/read", token: result.token)
            #expect(read.status == expected)
        }
        #expect(try result.fixture.report().receiptsIssued == 2)
    }

    @Test("a silent share of 1 gives no receipt at all")
    func silentLetter() throws {
        #expect(try receipts(settings: ReceiptSettings(silentShare: 1), after: 100).receipts.isEmpty)
    }

    @Test("kanal filters case-insensitively (absent: all); avsenderidentifikator absent lists only letters without one")
    func filters() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let plain = try fixture.digitalLetter(token: token)
        let tagged = try fixture.digitalLetter(token: token, senderIdentifier: "991825827:skatt")
        #expect(try fixture.send(plain, token: token, kanal: "Batch-A").status == 201)
        #expect(try fixture.send(tagged, token: token, kanal: "batch-b").status == 201)
        fixture.clock.advance(by: 5)
        #expect(try fixture.inbox(token: token).count == 1)
        #expect(try fixture.inbox(token: token, query: "?kanal=BATCH-A").count == 1)
        #expect(try fixture.inbox(token: token, query: "?kanal=batch-b").isEmpty)
        let taggedReceipts = try fixture.inbox(
            token: token, query: "?kanal=batch-b&avsenderidentifikator=991825827:skatt")
        #expect(taggedReceipts.count == 1)
        #expect(try fixture.inbox(token: token, query: "?page_size=1&page=1").isEmpty)
    }
}
