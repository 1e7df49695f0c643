import Foundation
@testable import Mailing
import Simulator
import Testing
import TestSupport

/// 50,000 receipts in one go (issue 7 acceptance): every letter in the right state, every receipt stored once,
/// none acknowledged before it was stored.
@Suite struct ReceiptScaleTests {
    @Test func fiftyThousandReceiptsEachStoredOnceAndAppliedAndNoneAcknowledgedBeforeItWasStored() throws {
        try RunDatabase.with { database throws in
            let fixture = try ReceiptFixture(database: database)
            let share = 10_000
            let digipost = try fixture.letters(2 * share, channel: "digital", provider: ReceiptFixture.digipost)
            let eboks = try fixture.letters(share, channel: "digital", provider: ReceiptFixture.eboks)
            let posted = try fixture.letters(share, channel: "print", provider: ReceiptFixture.printProvider)
            let received = try fixture.letters(share, channel: "print", provider: ReceiptFixture.printProvider)
            var injected = digipost.map { fixture.injected($0, .digipost, [.init(.leveringskvittering)]) }
            injected += eboks.map { fixture.injected($0, .eboks, [.init(.feil)]) }
            injected += posted.map { fixture.injected($0, .print, [.init(.leveringskvittering)]) }
            injected += received.map { fixture.injected($0, .print, [.init(.mottakskvittering)]) }
            try fixture.simulation.accessPoint.inject(injected)
            let early = try fixture.watchAcknowledgements(checkingEvery: 10)

            let tally = try fixture.reconciler(ReceiptOptions(pageSize: 1000, acknowledgeConnections: 8)).reconcile()

            #expect(tally.received == 5 * share && tally.stored == 5 * share && tally.acknowledged == 5 * share)
            #expect(try database.value("""
                SELECT string_agg(state || ':' || n, ',' ORDER BY state)
                FROM (SELECT state, count(*) AS n FROM dpi.delivery GROUP BY state) s
                """) == "accepted_for_print:\(share),delivered:\(2 * share),failed:\(share),posted:\(share)")
            #expect(try database.value("""
                SELECT count(*) || '/' || count(DISTINCT receipt_message_id) || '/' || count(DISTINCT recipient_id)
                FROM dpi.receipt
                """) == "\(5 * share)/\(5 * share)/\(5 * share)")
            #expect(try database.value("SELECT count(*) FROM dpi.receipt_quarantine") == "0")
            let report = fixture.simulation.accessPoint.report
            #expect(report.receiptsRead == 5 * share && report.receiptsIssued == 5 * share)
            #expect(early.checked.load(ordering: .relaxed) == 5 * share / 10)
            #expect(early.ids.withLock { $0 }.isEmpty, "acknowledged before stored")
        }
    }
}
