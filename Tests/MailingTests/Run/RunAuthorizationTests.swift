import DPI
import Foundation
@testable import Mailing
import Pipeline
import Postgres
import Simulator
import Testing
import TestSupport

/// What the run does when the access point refuses its token (401) or the sender (403).
@Suite struct RunAuthorizationTests {
    @Test func revokedTokensMidRunAreReplacedLettersResignedAndEachLetterStillSentOnce() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 400, database: database)
            let maskinporten = fixture.simulation.maskinporten
            fixture.simulation.accessPoint.whenAccepted(letters: 30) { maskinporten.revokeIssuedTokens() }
            let summary = try fixture.run()
            #expect(summary.isJobDone)
            let report = fixture.simulation.accessPoint.report
            #expect(report.accepted > 30, "the revocation came after the last letter")
            #expect(report.rejected["unauthorized", default: 0] > 0, "the revocation was not noticed by any send")
            try RunExpectations.verifyExactlyOnce(fixture, expected: RunExpectations.states(fixture))
        }
    }

    @Test func aSenderWithoutAnAgreementStopsTheRunBeforeAnyLetterIsLost() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 40, agreements: [try OrganisationNumber("974761076")],
                                         database: database)
            #expect {
                _ = try fixture.run()
            } throws: { error in
                (error as? MailingError)?.code == .senderRefused
            }
            let report = fixture.simulation.accessPoint.report
            #expect(report.accepted == 0 && report.rejected["forbidden", default: 0] > 0)
            #expect(try database.value("""
                SELECT count(*) FROM dpi.delivery WHERE state IN ('submitted', 'rejected', 'failed')
                """) == "0", "a refused sender says nothing about the letters")
            #expect(try database.value("SELECT count(*) FROM dpi.delivery WHERE lease_owner IS NOT NULL") == "0")

            let process = try RunProcess.complete(fixture, timeout: .seconds(60))
            #expect(process.status == 1)
            #expect(process.errors.contains("the access point refused this sender (403)"), "\(process.errors)")
        }
    }
}
