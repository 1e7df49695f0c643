import Foundation
@testable import Mailing
import Testing
import TestSupport

/// `sql/roles/readonly.sql` and `sql/reports/*.sql`: the role reads the views and what the reports need,
/// nothing personal, writes nothing; every report query runs as that role and answers right.
@Suite struct ReportRoleTests {
    static let reports = Repository.root.appendingPathComponent("sql/reports")
    static let role = Repository.root.appendingPathComponent("sql/roles/readonly.sql").path

    /// psql as `dpi_readonly` (SET ROLE drops the test superuser's rights), running `sql` then `file`.
    static func asReadOnly(_ url: String, _ sql: String? = nil, file: String? = nil) throws -> ChildProcess.Result {
        var arguments = ["-X", "-q", "-At", "-F", "|", "-v", "ON_ERROR_STOP=1", url, "-c", "SET ROLE dpi_readonly"]
        if let sql { arguments += ["-c", sql] }
        if let file { arguments += ["-f", file] }
        return try ChildProcess.run("psql", arguments)
    }

    @Test func theRoleReadsTheViewsAndNothingPersonalAndWritesNothing() throws {
        try ReportFixture.with { fixture in
            let url = fixture.database.url
            for _ in 0..<2 {  // idempotent
                try ChildProcess.succeed("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f", Self.role])
            }
            let canLogIn = try TestDatabase.psql(url, "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'dpi_readonly'")
            #expect(canLogIn == "f")
            for allowed in ["SELECT count(*) FROM dpi.delivery_report", "SELECT count(*) FROM dpi.job_summary",
                            "SELECT count(route_reason) FROM dpi.delivery",
                            "SELECT count(received_at) FROM dpi.receipt"] {
                let result = try Self.asReadOnly(url, allowed)
                #expect(result.status == 0, "\(allowed): \(result.stderr)")
            }
            for refused in ["SELECT * FROM dpi.recipient", "SELECT person_id FROM dpi.recipient",
                            "SELECT krr_answer FROM dpi.delivery", "SELECT * FROM dpi.delivery",
                            "SELECT jwt FROM dpi.receipt", "SELECT * FROM dpi.mailing_job",
                            "INSERT INTO dpi.mailing_job (name, pipeline) VALUES ('x', '{}')",
                            "UPDATE dpi.delivery SET state = 'failed'", "DELETE FROM dpi.receipt",
                            "CREATE TABLE dpi.mine (x int)", "CREATE TABLE public.mine (x int)",
                            "SELECT * FROM dpi.schema_migration"] {
                let result = try Self.asReadOnly(url, refused)
                #expect(result.status != 0 && result.stderr.contains("permission denied"),
                        "\(refused): \(result.stderr)")
            }
        }
    }

    @Test func everyReportQueryRunsAsTheReadOnlyRoleAndAnswersRight() throws {
        try ReportFixture.with { fixture in
            let url = fixture.database.url
            try ChildProcess.succeed("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f", Self.role])
            let files = try FileManager.default.contentsOfDirectory(atPath: Self.reports.path)
                .filter { $0.hasSuffix(".sql") }
            #expect(files.count == 6)
            var answers: [String: [String]] = [:]
            for file in files {
                let text = try String(contentsOf: Self.reports.appendingPathComponent(file), encoding: .utf8)
                #expect(text.hasPrefix("-- "), "\(file) has no header comment")
                let result = try Self.asReadOnly(url, file: Self.reports.appendingPathComponent(file).path)
                #expect(result.status == 0, "\(file): \(result.stderr)")
                answers[file] = result.text.split(separator: "\n").map(String.init)
            }
            let job = String(fixture.jobId)
            #expect(answers["delivery_rate_per_job.sql"] == ["\(job)|test|running|60|25|20|15|41.7|25.0|33|10"])
            #expect(answers["print_reasons.sql"] == ["\(job)|print-only|5|50.0", "\(job)|reserved|5|50.0"])
            let failures = answers["failures_by_reason.sql"] ?? []
            #expect(failures.first?.hasPrefix("\(job)|rejected|the access point refused") == true)
            let buckets = (answers["awaiting_receipt_by_age.sql"] ?? [])
                .map { $0.split(separator: "|").prefix(3).joined(separator: "|") }
            #expect(buckets == ["\(job)|1: under 1 hour|5", "\(job)|4: 1-3 days|5"])
            let latency = try #require(answers["receipt_latency.sql"]?.first?.split(separator: "|").map(String.init))
            #expect(latency[0...2] == [job, "leveringskvittering", "25"])
            #expect(latency[3] == "780.0" && latency[6] == "1500.0")  // 1..25 minutes after submission
            let providers = answers["delivery_rate_per_provider.sql"] ?? []
            #expect(providers.contains("\(job)|digital|984661185|15|5|10|0|33.3"))
        }
    }
}
