import DPI
import Foundation
@testable import Mailing
import Postgres
import Simulator
import Testing
import TestSupport

/// Receipts against the simulator and PostgreSQL (issue 7 acceptance): each verified, stored once, applied
/// forward only, then acknowledged; the rest quarantined and acknowledged.
@Suite struct ReceiptReconcilerTests {
    @Test func duplicatedOutOfOrderAndLateReceiptsLeaveEachLetterInItsRightStateAndAreStoredOnce() throws {
        try RunDatabase.with { database throws in
            let fixture = try ReceiptFixture(database: database)
            let early = try fixture.watchAcknowledgements()
            let digital = try fixture.letters(5, channel: "digital", provider: ReceiptFixture.digipost)
            let print = try fixture.letters(3, channel: "print", provider: ReceiptFixture.printProvider)
            let t = Date()
            func at(_ seconds: Double) -> Date { t.addingTimeInterval(seconds) }
            // Opening before delivery, the delivery twice.
            try fixture.inject(digital[0], .digipost, [.init(.aapningskvittering, occurredAt: at(2)),
                                                       .init(.leveringskvittering, occurredAt: at(1), copies: 2)])
            // Print in reverse: returned, posted, then reception (twice).
            try fixture.inject(print[0], .print, [.init(.returpostkvittering, occurredAt: at(3)),
                                                  .init(.leveringskvittering, occurredAt: at(2)),
                                                  .init(.mottakskvittering, occurredAt: at(1), copies: 2)])
            try fixture.inject(digital[1], .digipost, [.init(.leveringskvittering, occurredAt: at(1)),
                                                       .init(.varslingfeiletkvittering, occurredAt: at(1))])
            try fixture.inject(digital[2], .digipost, [.init(.feil, occurredAt: at(1))])
            try fixture.inject(print[1], .print, [.init(.mottakskvittering, occurredAt: at(1))])
            try fixture.inject(print[2], .print, [.init(.leveringskvittering, occurredAt: at(1))])
            // Late: a delivery receipt after the letter expired; a repeated feil for a failed letter.
            _ = try database.value("""
                UPDATE dpi.delivery SET state = 'expired' WHERE recipient_id = \(digital[3].recipientId);
                UPDATE dpi.delivery SET state = 'failed' WHERE recipient_id = \(digital[4].recipientId)
                """)
            try fixture.inject(digital[3], .digipost, [.init(.leveringskvittering, occurredAt: at(1))])
            try fixture.inject(digital[4], .digipost, [.init(.feil, occurredAt: at(1))])

            let tally = try fixture.reconciler().reconcile()

            #expect(try fixture.row(digital[0]) == "opened|false|false|aapningskvittering")
            #expect(try fixture.row(print[0]) == "returned|false|false|returpostkvittering")
            #expect(try fixture.row(digital[1]).hasPrefix("delivered|false|true|"))
            #expect(try fixture.row(digital[2]) == "failed|false|false|feil")
            #expect(try database.value("SELECT error FROM dpi.delivery WHERE recipient_id = \(digital[2].recipientId)")
                    .hasPrefix("the provider answered feil (KLIENT): "))
            #expect(try fixture.row(print[1]) == "accepted_for_print|false|false|mottakskvittering")
            #expect(try fixture.row(print[2]) == "posted|false|false|leveringskvittering")
            #expect(try fixture.row(digital[3]) == "expired|true|false|leveringskvittering")
            #expect(try fixture.row(digital[4]) == "failed|false|false|feil")
            #expect(try database.value("SELECT count(*) || '/' || count(DISTINCT receipt_message_id) FROM dpi.receipt")
                    == "12/12")
            #expect(tally.received == 14 && tally.stored == 12 && tally.acknowledged == 14 && tally.quarantined == 0)
            let report = fixture.simulation.accessPoint.report
            #expect(report.receiptsRead == report.receiptsIssued && report.receiptsIssued == 14)
            #expect(early.ids.withLock { $0 }.isEmpty, "acknowledged before stored")
            #expect(early.checked.load(ordering: .relaxed) == 14)
            #expect(try fixture.reconciler().reconcile() == ReceiptTally())
        }
    }

    @Test func aReceiptSignedByAnotherProviderThanTheLettersIsQuarantinedAcknowledgedAndMovesNothing() throws {
        try RunDatabase.with { database throws in
            let fixture = try ReceiptFixture(database: database)
            let letter = try fixture.letters(1, channel: "digital", provider: ReceiptFixture.digipost)[0]
            try fixture.inject(letter, .eboks, [.init(.leveringskvittering)])
            let tally = try fixture.reconciler().reconcile()
            #expect(tally.quarantined == 1 && tally.stored == 0 && tally.acknowledged == 1)
            #expect(try fixture.row(letter) == "submitted|false|false|")
            #expect(try database.value("SELECT count(*) FROM dpi.receipt") == "0")
            let reason = try database.value("""
                SELECT reason || '|' || recipient_id || '|' || type FROM dpi.receipt_quarantine
                """)
            #expect(reason.hasPrefix("verification failed: ")
                    && reason.contains("signed by another organisation than \(ReceiptFixture.digipost)"))
            #expect(reason.hasSuffix("|\(letter.recipientId)|leveringskvittering"))
            #expect(fixture.simulation.accessPoint.report.receiptsRead == 1)
        }
    }

    @Test func aReceiptForAConversationNoLetterHasIsQuarantinedAndAcknowledged() throws {
        try RunDatabase.with { database throws in
            let fixture = try ReceiptFixture(database: database)
            let unknown = ReceiptFixture.Letter(recipientId: 0, messageId: UUID(), conversationId: UUID())
            try fixture.inject(unknown, .digipost, [.init(.leveringskvittering)])
            let tally = try fixture.reconciler().reconcile()
            #expect(tally.quarantined == 1 && tally.acknowledged == 1)
            #expect(try database.value("""
                SELECT reason || '|' || conversation_id || '|' || (recipient_id IS NULL) FROM dpi.receipt_quarantine
                """) == "no letter has this conversation id|\(unknown.conversationId.uuidString.lowercased())|true")
            #expect(fixture.simulation.accessPoint.report.receiptsRead == 1)
            #expect(try fixture.reconciler().reconcile().received == 0)
        }
    }

    @Test func aCrashBetweenCommitAndAcknowledgementOnlyMakesTheNextPassStoreNothingNew() throws {
        struct Crash: Error {}
        try RunDatabase.with { database throws in
            let fixture = try ReceiptFixture(database: database)
            let letters = try fixture.letters(30, channel: "digital", provider: ReceiptFixture.eboks)
            try fixture.simulation.accessPoint.inject(letters.map {
                fixture.injected($0, .eboks, [.init(.leveringskvittering)])
            })
            let crashing = try fixture.reconciler(ReceiptOptions(pageSize: 100, afterCommit: { _ in throw Crash() }))
            #expect(throws: Crash.self) { try crashing.reconcile() }
            #expect(try database.value("SELECT count(*) FROM dpi.receipt") == "30")
            #expect(fixture.simulation.accessPoint.report.receiptsRead == 0)

            let tally = try fixture.reconciler().reconcile()
            #expect(tally.received == 30 && tally.stored == 0 && tally.repeated == 30 && tally.acknowledged == 30)
            #expect(try database.value("SELECT count(*) FROM dpi.receipt") == "30")
            #expect(try database.value("SELECT count(*) FROM dpi.delivery WHERE state = 'delivered'") == "30")
            #expect(fixture.simulation.accessPoint.report.receiptsRead == 30)
        }
    }

    @Test func lettersPastTheirResponseTimeAreCheckedAgainstTheStatusesThenExpiredOrFailed() throws {
        try RunDatabase.with { database throws in
            let fixture = try ReceiptFixture(database: database)
            let letters = try fixture.letters(4, channel: "digital", provider: ReceiptFixture.digipost)
            try fixture.inject(letters[0], .digipost, [], transportFails: true)
            try fixture.inject(letters[1], .digipost, [])
            _ = try database.value("""
                UPDATE dpi.delivery SET expires_at = now() - interval '1 minute'
                WHERE recipient_id IN (\(letters[0].recipientId), \(letters[1].recipientId), \(letters[2].recipientId))
                """)
            let tally = try fixture.reconciler().reconcile()
            #expect(tally.expired == 2 && tally.failedInTransport == 1)
            let rows = try database.connect().query("""
                SELECT state || '|' || coalesce(error, '') || '|' || coalesce(last_status, '') AS row FROM dpi.delivery
                ORDER BY recipient_id
                """).map { try $0.decode("row", as: String.self) }
            #expect(rows[0].hasPrefix("failed|the access point could not forward the letter (FEILET): "))
            #expect(rows[0].hasSuffix("|FEILET"))
            #expect(rows[1] == "expired|no delivery receipt before the expected response time|SENDT")
            #expect(rows[2] == "expired|no delivery receipt before the expected response time; the access point "
                    + "does not know the letter|")
            #expect(rows[3] == "submitted||")
        }
    }
}
