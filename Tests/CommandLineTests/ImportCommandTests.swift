import Foundation
import Testing
import TestSupport

@Suite struct ImportCommandTests {
    private static let example = Repository.root.appendingPathComponent("pipelines/example.json").path

    /// Runs `body` with a migrated fresh database and a temporary folder.
    private func withDatabase(_ body: (String, URL) throws -> Void) throws {
        try TestDatabase.withFreshDatabase { url in
            let migrate = try DPIBatch.run(["migrate"], environment: ["DPI_DATABASE_URL": url])
            try #require(migrate.status == 0, "\(migrate.stderr)")
            try TemporaryDirectory.with(prefix: "import-cli") { folder in try body(url, folder) }
        }
    }

    private func write(_ text: String, to folder: URL, as name: String = "recipients.csv") throws -> String {
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test func importPrintsOnlyTheJobIDOnStdoutAndSkippedRowsOnStderr() throws {
        try withDatabase { url, folder in
            let csv = try write("external_ref,name,address_line1,postal_code,city\nr1,Ola,Gate 1,0001,OSLO\nr2,,,,\n",
                                to: folder)
            let result = try DPIBatch.run(["import", "--pipeline", Self.example, "--csv", csv, "--name", "cli test"],
                                          environment: ["DPI_DATABASE_URL": url])
            #expect(result.status == 0, "\(result.stderr)")
            let jobID = result.text.trimmingCharacters(in: .newlines)
            #expect(Int(jobID) != nil && result.text == jobID + "\n", "stdout: \(result.text)")
            #expect(result.stderr.contains("job \(jobID) created with 1 recipient(s); 1 row(s) skipped"))
            #expect(result.stderr.contains("line 3: has neither person_id nor address_line1"))
            #expect(try TestDatabase.psql(url, "SELECT j.name || ':' || count(r.id) FROM dpi.mailing_job j "
                + "JOIN dpi.recipient r ON r.job_id = j.id WHERE j.id = \(jobID) GROUP BY j.name") == "cli test:1")
        }
    }

    @Test func refusedImportsExitOneAndWriteNothing() throws {
        try withDatabase { url, folder in
            let environment = ["DPI_DATABASE_URL": url]
            let csv = try write("external_ref,name,address_line1,postal_code,city\nr1,Ola,Gate 1,0001,OSLO\nr2,,,,\n",
                                to: folder)
            let strict = try DPIBatch.run(["import", "--pipeline", Self.example, "--csv", csv, "--strict"],
                                          environment: environment)
            #expect(strict.status == 1 && strict.text.isEmpty)
            #expect(strict.stderr.contains("strict import refused: 1 bad row(s)"))
            #expect(strict.stderr.contains("line 3: has neither person_id nor address_line1"))

            let header = try write("name,city\nOla,OSLO\n", to: folder, as: "header.csv")
            let noRef = try DPIBatch.run(["import", "--pipeline", Self.example, "--csv", header],
                                         environment: environment)
            #expect(noRef.status == 1 && noRef.stderr.contains("no external_ref column"))

            var pipeline = try String(contentsOfFile: Self.example, encoding: .utf8)
            pipeline = pipeline.replacingOccurrences(of: "\"securityLevel\": 3", with: "\"securityLevel\": 5")
                .replacingOccurrences(of: "\"messagesPerSecond\": 200", with: "\"messagesPerSecond\": 0")
            let badPipeline = try write(pipeline, to: folder, as: "pipeline.json")
            let invalid = try DPIBatch.run(["import", "--pipeline", badPipeline, "--csv", csv],
                                           environment: environment)
            #expect(invalid.status == 1)
            let lines = invalid.stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(lines.contains { $0.hasPrefix("letter.document: file not found: ") })
            #expect(lines.contains("letter.securityLevel: must be 3 or 4"))
            #expect(lines.contains("throughput.messagesPerSecond: must be > 0"))
            #expect(try TestDatabase.psql(url, "SELECT count(*) FROM dpi.mailing_job") == "0")
        }
    }

    @Test func badUsageExitsTwo() throws {
        for (arguments, reason) in [
            (["import", "--csv", "r.csv"], "--pipeline FILE is required"),
            (["import", "--pipeline", "p.json"], "--csv FILE is required"),
            (["import", "--pipeline", "p.json", "--csv", "r.csv", "--strikt"], "unknown option --strikt"),
            (["import", "extra", "--pipeline", "p.json", "--csv", "r.csv"], "unexpected extra"),
        ] {
            let result = try DPIBatch.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(reason), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("usage: dpi-batch import"))
        }
    }
}
