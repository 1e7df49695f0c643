import Foundation
@testable import Mailing
import Pipeline
import Postgres
import Simulator
import Synchronization
import Testing
import TestSupport

/// Bad rows, expired letters, a dry run, pause, and a send whose recording was lost.
@Suite struct RunRowTests {
    /// Inserts one extra recipient row for the fixture's job.
    private func insert(_ fixture: RunFixture, _ ref: String, person: String?, address: Bool,
                        document: String? = nil) throws {
        _ = try fixture.database.connect().execute("""
            INSERT INTO dpi.recipient (job_id, external_ref, person_id, name, address_lines, postal_code, city,
                                       document_path)
            VALUES (\(fixture.jobId), \(ref), \(person), 'Row \(ref)',
                    \(address ? ["Gate 1"] : nil as [String]?), \(address ? "0150" : nil as String?),
                    \(address ? "OSLO" : nil as String?), \(document))
            """)
    }

    @Test func badRowsEachGetTheirFinalStateAndReasonAndTheJobFinishes() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 16, database: database)
            let digital = try #require(fixture.seed.persons.first { $0.category == .digipost }).id
            let large = fixture.folder.appendingPathComponent("large.pdf")
            #expect(FileManager.default.createFile(atPath: large.path, contents: nil))
            try FileHandle(forWritingTo: large).truncate(atOffset: 50_000_001)
            try Data("MZ".utf8).write(to: fixture.folder.appendingPathComponent("program.exe"))
            try insert(fixture, "bad-checksum", person: "12345678901", address: false)
            try insert(fixture, "not-digits", person: "1234", address: false)
            try insert(fixture, "print-without-address", person: nil, address: false)
            try insert(fixture, "missing-document", person: digital, address: false, document: "nowhere.pdf")
            try insert(fixture, "document-too-large", person: digital, address: false, document: large.path)
            try insert(fixture, "unsupported-type", person: digital, address: false, document: "program.exe")

            let summary = try fixture.run()
            #expect(summary.isJobDone)
            let rows = try RunExpectations.actual(fixture)
            let expectations: [(String, String, String)] = [
                ("bad-checksum", "unreachable", "not a valid national identity number"),
                ("not-digits", "unreachable", "not a valid national identity number"),
                ("print-without-address", "unreachable", "no complete postal address"),
                ("missing-document", "unreachable", "document not found: nowhere.pdf"),
                ("document-too-large", "unreachable", "more than the 50000000 allowed"),
                ("unsupported-type", "unreachable", "unsupported document type (.exe)"),
            ]
            for (ref, state, reason) in expectations {
                #expect(rows[ref]?.state == state, "\(ref)")
                #expect(rows[ref]?.error?.contains(reason) == true, "\(ref): \(rows[ref]?.error ?? "no error")")
            }
            #expect(try database.value("SELECT state FROM dpi.mailing_job") == "completed")
            #expect(fixture.simulation.accessPoint.report.rejected.isEmpty)
        }
    }

    @Test func aLetterPastItsExpectedResponseTimeIsNotSentAndEndsExpired() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 2, database: database)
            _ = try database.value("""
                UPDATE dpi.delivery d SET state = 'routed', message_id = gen_random_uuid(),
                       conversation_id = gen_random_uuid(), expires_at = now() - interval '1 minute'
                FROM dpi.recipient r WHERE r.id = d.recipient_id AND r.external_ref = 'p0'
                """)
            _ = try fixture.run()
            let rows = try RunExpectations.actual(fixture)
            #expect(rows["p0"]?.state == "expired")
            #expect(rows["p1"]?.state == "submitted")
            #expect(fixture.simulation.accessPoint.report.accepted == 1)
        }
    }

    @Test func aSendWhoseRecordingWasLostIsResolvedNotSentAgain() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 8, database: database)
            _ = try fixture.run()
            let accepted = fixture.simulation.accessPoint.report.accepted
            // As if the process died after the access point's 201 but before the state was written.
            _ = try database.value("""
                UPDATE dpi.delivery SET state = 'routed' WHERE state = 'submitted';
                UPDATE dpi.mailing_job SET state = 'running'
                """)
            let again = try fixture.run()
            #expect(again.isJobDone)
            let report = fixture.simulation.accessPoint.report
            #expect(report.accepted == accepted)
            #expect(report.duplicateAttempts == 0, "resolved through the statuses endpoint, not by sending again")
            #expect(try database.value("SELECT count(*) FROM dpi.delivery WHERE state = 'submitted'") == "\(accepted)")
            #expect(try database.value("SELECT count(DISTINCT last_status) FROM dpi.delivery WHERE state = 'submitted'")
                    == "1")
        }
    }

    @Test func pausingTheJobStopsTheRunResumablyAndRunningAgainFinishesIt() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 300, throughput: #"{"messagesPerSecond": 40, "maxInFlight": 4}"#,
                                         database: database)
            let store = JobStore(connection: try database.connect(), owner: .current())
            let pausedMidRun = Mutex(false)
            let jobId = fixture.jobId
            fixture.simulation.accessPoint.whenAccepted(letters: 5) {
                let paused = (try? JobStore(connection: database.connect(), owner: .current())
                    .transition(job: jobId, to: .paused, from: [.running])) ?? false
                pausedMidRun.withLock { $0 = paused }
            }
            let summary = try fixture.run()
            #expect(pausedMidRun.withLock { $0 }, "the job could not be paused at the fifth letter")
            #expect(summary.stoppedBecause == "paused" && !summary.isJobDone)
            #expect(try store.state(of: fixture.jobId) == .paused)
            #expect(try store.dueJobs().isEmpty)

            let resumed = try fixture.run()
            #expect(resumed.isJobDone)
            try RunExpectations.verifyExactlyOnce(fixture, expected: RunExpectations.states(fixture))
        }
    }

    @Test func aDryRunWritesEachLetterForInspectionAndChangesNothing() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 10, printOnly: 2, database: database)
            let snapshot = "SELECT md5(string_agg(d::text, ',' ORDER BY recipient_id)) FROM dpi.delivery d"
            let before = try database.value(snapshot)
            let folder = fixture.folder.appendingPathComponent("inspect")
            let summary = try fixture.run(dryRun: folder)
            #expect(try database.value(snapshot) == before)
            #expect(try database.value("SELECT state FROM dpi.mailing_job") == "ready")
            #expect(fixture.simulation.accessPoint.report.accepted == 0)

            let expected = RunExpectations.states(fixture, printOnly: 2).values.filter { $0 == "submitted" }.count
            #expect(summary.lettersHandled == expected)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(files.filter { $0.hasSuffix(".jwt") }.count == expected)
            #expect(files.filter { $0.hasSuffix(".cms") }.count == expected)
            let index = try String(contentsOf: folder.appendingPathComponent("letters.csv"), encoding: .utf8)
            #expect(index.split(separator: "\n").count == 1 + 12)

            let digipost = try #require(fixture.seed.persons.firstIndex { $0.category == .digipost })
            let line = try #require(index.split(separator: "\n").first { $0.hasPrefix("p\(digipost),") })
            let messageId = String(line.split(separator: ",")[2])
            let zip = fixture.folder.appendingPathComponent("package.zip")
            try ChildProcess.succeed("openssl", [
                "cms", "-decrypt", "-inform", "DER", "-in", folder.appendingPathComponent(messageId + ".cms").path,
                "-inkey", try TestPKI.file("digipost.key.pem").path, "-out", zip.path])
            let listing = try ChildProcess.succeed("unzip", ["-l", zip.path]).text
            #expect(listing.contains("letter.pdf") && listing.contains("META-INF/signatures.xml"))
        }
    }
}

@Suite struct RunDueTests {
    @Test func runDueSendsTheJobsWhoseTimeHasComeAndLeavesTheOthers() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 6, database: database)
            let later = try database.value("""
                INSERT INTO dpi.mailing_job (name, pipeline, not_before)
                SELECT 'later', pipeline, now() + interval '1 day' FROM dpi.mailing_job WHERE id = \(fixture.jobId)
                RETURNING id
                """)
            _ = try database.value("""
                INSERT INTO dpi.recipient (job_id, external_ref, person_id)
                VALUES (\(later), 'x', '\(fixture.seed.persons[0].id)')
                """)
            let process = try BackgroundProcess(try BuiltExecutable.path(), ["run", "--due", "--quiet"],
                                                environment: fixture.environment)
            #expect(process.wait(timeout: .seconds(120)))
            #expect(process.status == 0, "\(process.errorOutput())")
            #expect(try database.value("SELECT string_agg(name || ':' || state, ',' ORDER BY id) FROM dpi.mailing_job")
                    == "run-test:completed,later:ready")
            #expect(try database.value("SELECT state FROM dpi.delivery WHERE job_id = \(later)") == "pending")
        }
    }
}
