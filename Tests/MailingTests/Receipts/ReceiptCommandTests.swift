import Foundation
@testable import Mailing
import Pipeline
import Simulator
import Testing
import TestSupport

/// `dpi-batch receipts` as an operator runs it, and reconciliation beside `run`.
@Suite struct ReceiptCommandTests {
    @Test func waitRunsOutOfTimeWithExitThreeSayingHowManyLettersStillAwaitReceiptsThenSettlesWithExitZero() throws {
        try RunDatabase.with { database throws in
            let fixture = try ReceiptFixture(database: database)
            let letters = try fixture.letters(3, channel: "digital", provider: ReceiptFixture.digipost)
            try fixture.inject(letters[0], .digipost, [.init(.leveringskvittering)])
            let job = String(fixture.jobId)
            let waited = try fixture.command(["--job", job, "--wait", "1"])
            #expect(waited.status == 3, "\(waited.errors)")
            #expect(waited.errors.contains("2 submitted letters of job \(job) still await receipts after --wait 1 s"))
            #expect(waited.output.contains("1 stored"))
            #expect(waited.output.contains("job \(job): 2 letters await receipts"))
            for letter in letters.dropFirst() {
                try fixture.inject(letter, .digipost, [.init(.leveringskvittering)])
            }
            let settled = try fixture.command(["--job", job, "--wait", "60"])
            #expect(settled.status == 0, "\(settled.errors)")
            #expect(settled.output.contains("2 stored") && settled.output.contains("0 letters await receipts"))
            #expect(try database.value("SELECT count(*) FROM dpi.delivery WHERE state = 'delivered'") == "3")
        }
    }

    @Test func badUsageExitsTwoAndAnUnknownJobExitsOne() throws {
        try RunDatabase.with { database throws in
            let fixture = try ReceiptFixture(database: database)
            let usage = try fixture.command(["--wait", "soon"])
            #expect(usage.status == 2 && usage.errors.contains("--wait takes a number of seconds, not 'soon'"))
            let unknown = try fixture.command(["--job", "999"])
            #expect(unknown.status == 1 && unknown.errors.contains("there is no job 999"))
        }
    }

    @Test func aRunWithReceiptsReconciledBesideItLeavesNoDeliveredLetterSubmitted() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 30, printOnly: 4,
                                         receipts: ReceiptSettings(delay: 0, printPostingDelay: 0), database: database)
            let logger = Logger(label: "test", minimumLevel: .error)
            let setup = try RunSetup(configuration: fixture.configuration, jobId: fixture.jobId, logger: logger)
            var options = setup.options
            options.receipts = try ReceiptServices(configuration: fixture.configuration, logger: logger)
            let summary = try MailingRun(services: setup.services, options: options).run(stop: Cancellation())
            #expect(summary.isJobDone)
            let report = fixture.simulation.accessPoint.report
            #expect(report.accepted > 0 && report.receiptsRead == report.receiptsIssued)
            #expect(try database.value("SELECT count(*) FROM dpi.receipt") == "\(report.receiptsIssued)")
            #expect(try database.value("""
                SELECT count(*) FILTER (WHERE state IN ('delivered', 'posted')) || '/' ||
                       count(*) FILTER (WHERE state = 'submitted')
                FROM dpi.delivery
                """) == "\(report.accepted)/0")
        }
    }
}
