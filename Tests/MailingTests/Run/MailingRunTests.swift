import Foundation
@testable import Mailing
import Pipeline
import Postgres
import Simulator
import Testing
import TestSupport

@Suite struct MailingRunTests {
    @Test func fiveThousandRecipientsOverEveryCategoryEndRightAndEachDeliverableOneIsDeliveredOnce() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 5_000, printOnly: 40, database: database)
            let summary = try fixture.run()
            #expect(summary.isJobDone)
            try RunExpectations.verifyExactlyOnce(fixture, expected: RunExpectations.states(fixture, printOnly: 40))
            #expect(fixture.simulation.accessPoint.report.rejected.isEmpty)
            #expect(try database.value("""
                SELECT count(*) FROM dpi.delivery WHERE state = 'submitted'
                  AND (message_id IS NULL OR conversation_id IS NULL OR fingerprint IS NULL OR provider_orgno IS NULL
                       OR channel IS NULL OR route_reason IS NULL)
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
