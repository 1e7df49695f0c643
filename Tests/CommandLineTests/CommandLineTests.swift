import Foundation
import Testing
import TestSupport

@Suite struct CommandLineTests {
    @Test func helpListsTheCommandsAndExitsZero() throws {
        let result = try DPIBatch.run(["--help"])
        #expect(result.status == 0)
        #expect(result.text.contains("migrate") && result.text.contains("check"))
        let commandHelp = try DPIBatch.run(["migrate", "--help"])
        #expect(commandHelp.status == 0)
        #expect(commandHelp.text.contains("usage: dpi-batch migrate"))
    }

    @Test func badUsageExitsTwoWithTheReason() throws {
        for (arguments, reason) in [
            ([String](), "usage: dpi-batch"),
            (["send-everything"], "unknown command 'send-everything'"),
            (["migrate", "--jobb", "1"], "unknown option --jobb"),
            (["migrate", "--migrations"], "--migrations needs a value"),
            (["check", "now"], "unexpected now"),
        ] {
            let result = try DPIBatch.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(reason), "\(arguments): \(result.stderr)")
        }
    }

    @Test func migrateCreatesTheSchemaThenHasNothingToDo() throws {
        try TestDatabase.withFreshDatabase { url throws in
            let first = try DPIBatch.run(["migrate"], environment: ["DPI_DATABASE_URL": url])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.text.contains("applied 0001_"))
            let second = try DPIBatch.run(["migrate"], environment: ["DPI_DATABASE_URL": url])
            #expect(second.status == 0)
            #expect(second.text.contains("nothing to do"))
            #expect(try TestDatabase.psql(url, "SELECT count(*) FROM dpi.job_summary") == "0")
        }
    }

    @Test func configFileOverridesTheEnvironment() throws {
        try TestDatabase.withFreshDatabase { url throws in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("dpi-\(UUID().uuidString).conf")
            try "# test\nDPI_DATABASE_URL=\(url)\n".write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try DPIBatch.run(["migrate", "--config", file.path],
                                          environment: ["DPI_DATABASE_URL": "postgresql://127.0.0.1:1/nowhere"])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test func unusableDatabaseExitsOneSayingWhatIsWrongWithoutThePassword() throws {
        let unreachable = try DPIBatch.run(["migrate"],
                                           environment: ["DPI_DATABASE_URL": "postgresql://app:s3cret@127.0.0.1:1/x"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("127.0.0.1:1"))
        #expect(!unreachable.stderr.contains("s3cret"))

        let malformed = try DPIBatch.run(["migrate"], environment: ["DPI_DATABASE_URL": "host=127.0.0.1 port="])
        #expect(malformed.status == 1)
        #expect(!malformed.stderr.isEmpty)

        let missing = try DPIBatch.run(["migrate"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("DPI_DATABASE_URL is not set"))
    }

    @Test func checkPassesOnTheTestPKIAndFailsOnAWrongPassword() throws {
        try TestDatabase.withFreshDatabase { url throws in
            var environment = [
                "DPI_DATABASE_URL": url, "DPI_ACCESS_POINT_URL": "http://127.0.0.1:9",
                "DPI_KRR_URL": "http://127.0.0.1:9",
                "DPI_MASKINPORTEN_TOKEN_URL": "http://127.0.0.1:9/token", "DPI_MASKINPORTEN_AUDIENCE": "aud",
                "DPI_CLIENT_ID": "client", "DPI_KANAL": "kanal", "DPI_KEYSTORE": try TestPKI.file("sender.p12").path,
                "DPI_KEYSTORE_PASSWORD": "changeit", "DPI_TRUST_ANCHORS": try TestPKI.file("trust-anchors.pem").path,
            ]
            let beforeMigrate = try DPIBatch.run(["check"], environment: environment)
            #expect(beforeMigrate.status == 1)
            #expect(beforeMigrate.text.contains("run dpi-batch migrate"))

            _ = try DPIBatch.run(["migrate"], environment: environment)
            let good = try DPIBatch.run(["check"], environment: environment)
            #expect(good.status == 0, "\(good.text)")
            #expect(good.text.contains("configuration usable"))

            environment["DPI_KEYSTORE_PASSWORD"] = "wrong"
            let wrong = try DPIBatch.run(["check"], environment: environment)
            #expect(wrong.status == 1)
            #expect(wrong.text.contains("FAIL  keystore"))
        }
    }
}
