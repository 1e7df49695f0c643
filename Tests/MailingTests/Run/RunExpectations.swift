import Foundation
@testable import Mailing
import Postgres
import Testing

/// What a finished run must look like: every letter in its expected state, each deliverable recipient
/// stored exactly once by the simulator, nothing left leased or open.
enum RunExpectations {
    /// Expected final state per external_ref: digital persons submitted; others submitted on paper when their
    /// row has an address, else unreachable; print-only rows submitted.
    static func states(_ fixture: RunFixture, withAddressEvery: Int = 2, printOnly: Int = 0) -> [String: String] {
        var expected: [String: String] = [:]
        for (index, person) in fixture.seed.persons.enumerated() {
            let digital = person.category == .digipost || person.category == .eboks
            expected["p\(index)"] = digital || index % withAddressEvery == 0 ? "submitted" : "unreachable"
        }
        for index in 0..<printOnly { expected["print\(index)"] = "submitted" }
        return expected
    }

    /// State (and error, in brackets) per external_ref.
    static func actual(_ fixture: RunFixture) throws -> [String: (state: String, error: String?)] {
        var states: [String: (String, String?)] = [:]
        for row in try fixture.database.connect().query("""
            SELECT external_ref, state, error FROM dpi.delivery_report WHERE job_id = \(fixture.jobId)
            """) {
            states[try row.decode("external_ref")] = (try row.decode("state"), try row.decode("error"))
        }
        return states
    }

    /// Records an issue for every way the finished job differs from `expected`.
    static func verifyExactlyOnce(_ fixture: RunFixture, expected: [String: String],
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = try actual(fixture)
        let wrong = expected.keys.filter { actual[$0]?.state != expected[$0] }.sorted().prefix(10).map { key in
            "\(key): " + (actual[key].map { "\($0.state) \($0.error ?? "")" } ?? "missing")
        }
        #expect(wrong.isEmpty, "wrong states: \(wrong)", sourceLocation: sourceLocation)
        let report = fixture.simulation.accessPoint.report
        let submitted = expected.values.filter { $0 == "submitted" }.count
        #expect(report.accepted == submitted, "letters the access point stored, against deliverable recipients",
                sourceLocation: sourceLocation)
        #expect(report.deliveredPerRecipient.count == submitted, sourceLocation: sourceLocation)
        #expect(fixture.deliveredTwice.isEmpty, "delivered twice: \(fixture.deliveredTwice.count)",
                sourceLocation: sourceLocation)
        #expect(try fixture.database.value("""
            SELECT count(*) FROM dpi.delivery WHERE job_id = \(fixture.jobId)
              AND (lease_owner IS NOT NULL OR state IN ('pending', 'routed', 'submitting'))
            """) == "0", "letters left open or leased", sourceLocation: sourceLocation)
        #expect(try fixture.database.value("SELECT state FROM dpi.mailing_job WHERE id = \(fixture.jobId)")
                == "completed", sourceLocation: sourceLocation)
    }
}
