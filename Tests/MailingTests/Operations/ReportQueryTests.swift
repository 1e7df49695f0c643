import Foundation
@testable import Mailing
import Postgres
import Testing
import TestSupport

/// `status` and `report` logic against real PostgreSQL: counts, rate and ETA, paging, and the output formats.
@Suite struct ReportQueryTests {
    @Test func statusCountsEveryStateAndChannelAndEstimatesFromTheLastMinute() throws {
        try ReportFixture.with { fixture in
            let statuses = try JobStatus.read(try fixture.database.connect(), job: fixture.jobId)
            let status = try #require(statuses.first)
            #expect(statuses.count == 1)
            #expect(status.total == 60 && status.state == "running")
            #expect(status.states["pending"] == 10 && status.states["submitted"] == 10)
            #expect(status.states["delivered"] == 15 && status.states["posted"] == 10)
            #expect(status.states["unreachable"] == 7 && status.states["rejected"] == 8)
            #expect(status.states.count == JobStatus.letterStates.count)
            #expect(status.channels == ["digital": 33, "print": 10, "none": 17])
            #expect(status.open == 10)
            // 5 letters submitted within the last minute: 5/60 per second, 10 open letters → 120 s.
            #expect(abs(status.lettersPerSecond - 5.0 / 60) < 1e-9)
            #expect(status.etaSeconds == 120)
            #expect(status.text.contains("job \(fixture.jobId) 'test' running: 50 of 60 letters done (83.3%)"))
            #expect(status.text.contains("ETA 2 min 0 s"))
            #expect(try JobStatus.read(try fixture.database.connect(), job: 999_999).isEmpty)
        }
    }

    @Test func reportPagesReturnEveryRowOnceInRecipientOrderWithoutPersonIds() throws {
        try ReportFixture.with { fixture in
            var seen: [Int64] = []
            var pages = 0
            let reader = DeliveryReportReader(connection: try fixture.database.connect(), pageSize: 7)
            let count = try reader.forEachPage(job: fixture.jobId) { page in
                #expect(page.count <= 7)
                pages += 1
                seen += page.map(\.recipientId)
            }
            #expect(count == ReportFixture.total && seen.count == ReportFixture.total)
            #expect(seen == seen.sorted() && Set(seen).count == seen.count)
            #expect(pages == 9)
            var text = ""
            var writer = ReportWriter(format: .json) { text += $0 }
            writer.begin()
            try reader.forEachPage(job: fixture.jobId) { try writer.write($0) }
            writer.end()
            #expect(!text.contains("0101901"))
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
            #expect(rows.count == ReportFixture.total)
            #expect(Set(rows[0].keys) == Set(DeliveryReportRow.columns))
        }
    }

    @Test func csvFollowsRFC4180AsPythonsCSVModuleReadsIt() throws {
        try ReportFixture.with { fixture in
            var csv = ""
            var writer = ReportWriter(format: .csv) { csv += $0 }
            writer.begin()
            try DeliveryReportReader(connection: try fixture.database.connect()).forEachPage(job: fixture.jobId) {
                try writer.write($0)
            }
            writer.end()
            let script = """
                import csv, io, json, sys
                data = sys.stdin.buffer.read().decode('utf-8')
                assert '\\r\\n' in data
                rows = list(csv.reader(io.StringIO(data, newline=''), strict=True))
                print(json.dumps(rows))
                """
            let result = try ChildProcess.succeed("python3", ["-c", script], input: Data(csv.utf8))
            let rows = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String]])
            #expect(rows.count == ReportFixture.total + 1)
            #expect(rows[0] == DeliveryReportRow.columns)
            #expect(rows.dropFirst().allSatisfy { $0.count == DeliveryReportRow.columns.count })
            #expect(rows.last?.last == "the access point refused the letter: 400 \"bad, really\"\nx")
            #expect(rows[1][2] == "" && rows[1][4] == "pending")
        }
    }

    @Test func csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        #expect(ReportWriter.csvField("plain") == "plain")
        #expect(ReportWriter.csvField("a,b") == "\"a,b\"")
        #expect(ReportWriter.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ReportWriter.csvField("two\r\nlines") == "\"two\r\nlines\"")
    }
}
