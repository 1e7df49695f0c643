import Foundation
@testable import Mailing
import Pipeline
import Postgres
import Simulator
import Testing
import TestSupport

@Suite struct MailingRunTests {
    /// What each seed person's letter should end as: digital persons are submitted; the others are submitted
    /// on paper when their row has an address, else unreachable.
    static func expectedStates(_ fixture: RunFixture, withAddressEvery: Int = 2) -> [String: String] {
        var expected: [String: String] = [:]
        for (index, person) in fixture.seed.persons.enumerated() {
            let digital = person.category == .digipost || person.category == .eboks
            expected["p\(index)"] = digital || index % withAddressEvery == 0 ? "submitted" : "unreachable"
        }
        return expected
    }

    static func finalStates(_ fixture: RunFixture) throws -> [String: String] {
        var states: [String: String] = [:]
        for row in try fixture.database.connect().query("""
            SELECT external_ref, state, error FROM dpi.delivery_report WHERE job_id = \(fixture.jobId)
            """) {
            let error = try row.decode("error", as: String?.self)
            states[try row.decode("external_ref")] = try row.decode("state") + (error.map { " (\($0))" } ?? "")
        }
        return states
    }

    @Test func everyCategoryEndsInItsStateAndEachDeliverableRecipientGetsOneLetter() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 60, printOnly: 5, database: database)
            let summary = try fixture.run()
            #expect(summary.isJobDone)
            var expected = Self.expectedStates(fixture)
            for index in 0..<5 { expected["print\(index)"] = "submitted" }
            let states = try Self.finalStates(fixture)
            let wrong = expected.keys.filter { states[$0]?.split(separator: " ").first.map(String.init) != expected[$0] }
                .sorted()
            #expect(wrong.isEmpty, "wrong states: \(wrong.map { "\($0) \(states[$0] ?? "-")" })")

            let report = fixture.simulation.accessPoint.report
            let submitted = expected.values.filter { $0 == "submitted" }.count
            #expect(report.accepted == submitted)
            #expect(report.rejected.isEmpty)
            #expect(fixture.deliveredTwice.isEmpty)
            #expect(try database.value("SELECT state FROM dpi.mailing_job") == "completed")
            #expect(try database.value("""
                SELECT count(*) FROM dpi.delivery WHERE state = 'submitted'
                  AND (message_id IS NULL OR conversation_id IS NULL OR fingerprint IS NULL OR lease_owner IS NOT NULL)
                """) == "0")
        }
    }

    @Test func unreachableLettersSayWhyAndKeepTheKRRAnswer() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 30, withAddressEvery: 1_000, database: database)
            _ = try fixture.run()
            let reserved = try #require(fixture.seed.persons.firstIndex { $0.category == .reserved })
            let row = try database.value("""
                SELECT state || '|' || route_reason || '|' || (krr_answer IS NOT NULL) || '|' || error
                FROM dpi.delivery d JOIN dpi.recipient r ON r.id = d.recipient_id WHERE r.external_ref = 'p\(reserved)'
                """)
            #expect(row == "unreachable|incomplete-address|true|print needed but the row has no complete postal address "
                    + "(not digital: reserved)")
        }
    }

    @Test func aSecondRunOfAFinishedJobSendsNothing() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 20, database: database)
            _ = try fixture.run()
            let accepted = fixture.simulation.accessPoint.report.accepted
            let again = try fixture.run()
            #expect(again.lettersHandled == 0 && again.isJobDone)
            #expect(fixture.simulation.accessPoint.report.accepted == accepted)
        }
    }
}
