import DPI
import Foundation
import HTTP
import Simulator
import Synchronization
import Testing

/// Letters made by `LetterSealer` from the test PKI pass every check of the simulated access point and
/// providers and are stored once (spec 10.2, 15).
@Suite("Access point simulator: accepting letters")
struct AccessPointSendTests {
    @Test("a digital letter to a Digipost person is accepted with 201 and counted once for that person")
    func digitalLetterAccepted() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let response = try fixture.send(fixture.digitalLetter(token: token), token: token, kanal: "Batch_1")
        #expect(response.status == 201, "\(response.text)")
        #expect(response.body.isEmpty)
        let report = try fixture.report()
        let person = try #require(AccessPointFixture.seed.persons.first { $0.category == .digipost })
        #expect(report.accepted == 1)
        #expect(report.rejected.isEmpty)
        #expect(report.deliveredPerRecipient == ["person:\(person.id)": 1])
    }

    @Test("a digital letter to an e-Boks person, encrypted to e-Boks, is accepted")
    func eboksLetterAccepted() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let letter = try fixture.digitalLetter(token: token, mailboxAddress: AccessPointFixture.mailbox[.eboks]!,
                                               provider: AccessPointFixture.eboks, encryptTo: "eboks")
        let response = try fixture.send(letter, token: token)
        #expect(response.status == 201, "\(response.text)")
    }

    @Test("a print letter to the print provider is accepted and counted by postal address")
    func printLetterAccepted() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let response = try fixture.send(fixture.printLetter(token: token), token: token)
        #expect(response.status == 201, "\(response.text)")
        let report = try fixture.report()
        #expect(report.accepted == 1)
        #expect(report.deliveredPerRecipient == ["address:Kari Nordmann, Storgata 1, 0155, Oslo": 1])
    }

    @Test("statuses: OPPRETTET once accepted (then SENDT), only for the sender, 404 for an unknown id")
    func statuses() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let letter = try fixture.digitalLetter(token: token)
        #expect(try fixture.send(letter, token: token).status == 201)
        let id = letter.messageId.uuidString.lowercased()
        let response = try fixture.request(.get, "/messages/out/\(id)/statuses", token: token)
        #expect(response.status == 200, "\(response.text)")
        let statuses = try #require(try JSONSerialization.jsonObject(with: response.body) as? [[String: Any]])
        #expect(statuses.compactMap { $0["status"] as? String } == ["OPPRETTET", "SENDT"])
        #expect((statuses.first?["timestamp"] as? String)?.hasSuffix("Z") == true)
        #expect(try fixture.request(.get, "/messages/out/\(UUID())/statuses", token: token).status == 404)
        #expect(try fixture.request(.get, "/messages/out/\(id)/statuses", token: nil).status == 401)
    }

    @Test("accept-only mode stores a letter whose package is garbage, without decrypting it")
    func acceptOnlyStoresWithoutVerifying() throws {
        let fixture = try AccessPointFixture(acceptOnly: true)
        let token = try fixture.accessToken()
        let letter = try fixture.digitalLetter(token: token)
        let response = try fixture.send(jwt: letter.jwt, cms: Data("not a package".utf8), token: token)
        #expect(response.status == 201, "\(response.text)")
        #expect(try fixture.report().accepted == 1)
    }

    @Test("an action armed for the second letter runs once, before the second letter's sender is answered")
    func actionAtTheSecondAcceptedLetter() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let seenAtRun = Mutex<[Int]>([])
        let accessPoint = fixture.simulation.accessPoint
        accessPoint.whenAccepted(letters: 2) {
            seenAtRun.withLock { $0.append(accessPoint.report.accepted) }
        }
        var afterEachAnswer: [[Int]] = []
        for _ in 1...3 {
            let response = try fixture.send(fixture.digitalLetter(token: token), token: token)
            #expect(response.status == 201, "\(response.text)")
            afterEachAnswer.append(seenAtRun.withLock { $0 })
        }
        #expect(afterEachAnswer == [[], [2], [2]])
    }
}

/// A data processor (Databehandler) sends for the Avsender that delegated to it: the token's consumer is
/// the Avsender and its supplier the signer (spec 3.3, 15 items 4-5).
@Suite("Access point simulator: data processor")
struct AccessPointDataProcessorTests {
    @Test("a letter for the delegator, signed by its data processor, with a consumer_org token: accepted")
    func dataProcessorLetterAccepted() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken(consumer: AccessPointFixture.delegator)
        let letter = try fixture.digitalLetter(token: token, onBehalfOf: AccessPointFixture.delegator)
        let response = try fixture.send(letter, token: token)
        #expect(response.status == 201, "\(response.text)")
        fixture.clock.advance(by: 5)
        #expect(try fixture.inbox(token: token).count == 1, "receipts go to the data processor's token")
    }

    @Test("the data processor's own letter sent with a token for the delegator: avsender-not-token-consumer")
    func avsenderMustBeTheConsumer() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken(consumer: AccessPointFixture.delegator)
        let response = try fixture.send(fixture.digitalLetter(token: token), token: token)
        #expect(response.status == 400)
        #expect(AccessPointFixture.rule(of: response) == "avsender-not-token-consumer")
    }
}
