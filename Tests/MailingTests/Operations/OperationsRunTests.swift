import Foundation
@testable import Mailing
import Pipeline
import Postgres
import Testing
import TestSupport

/// The run as operated: metrics file and JSON logs from the real binary, send windows and `not_before`,
/// against real PostgreSQL and the simulator.
@Suite struct OperationsRunTests {
    /// `dpi-batch <arguments>` against the fixture, to the end.
    static func dpiBatch(_ fixture: RunFixture, _ arguments: [String]) throws
        -> (status: Int32?, out: String, err: String) {
        let process = try BackgroundProcess(try BuiltExecutable.path(), arguments, environment: fixture.environment)
        _ = process.wait(timeout: .seconds(300))
        return (process.status, String(decoding: process.output(), as: UTF8.self), process.errorOutput())
    }

    /// Stores `window` as the job's `schedule.sendWindow`.
    static func setWindow(_ fixture: RunFixture, _ window: String) throws {
        _ = try fixture.database.value("""
            UPDATE dpi.mailing_job SET pipeline = jsonb_set(pipeline, '{schedule}', '{"sendWindow": \(window)}')
            WHERE id = \(fixture.jobId)
            """)
    }

    /// A window open all day on the weekday two days from now only (so closed now), in UTC.
    static var closedWindow: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let weekday = calendar.component(.weekday, from: Date().addingTimeInterval(2 * 86_400))
        let day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][(weekday + 5) % 7]
        return #"{"from": "00:00", "to": "24:00", "timeZone": "UTC", "days": ["\#(day)"]}"#
    }

    @Test func aRunWritesAMetricsFileThatParsesAndLogsJSONLinesWithoutPersonIds() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 120, printOnly: 5, database: database)
            let file = fixture.folder.appendingPathComponent("dpi-batch.prom")
            let run = try Self.dpiBatch(fixture, ["run", "--job", String(fixture.jobId), "--quiet", "--log-format",
                                                  "json", "--metrics-file", file.path])
            #expect(run.status == 0, "\(run.err)")
            let metrics = try PrometheusText(try String(contentsOf: file, encoding: .utf8))
            let job = String(fixture.jobId)
            let states = try fixture.states()
            for (state, count) in states {
                #expect(metrics.value(RunMetrics.letters, ["job": job, "state": state]) == Double(count), "\(state)")
            }
            let recorded = metrics.samples.filter { $0.name == RunMetrics.recorded }.reduce(0) { $0 + $1.value }
            #expect(recorded == 125)
            // Receipts arrive a second after acceptance and the run reconciles them beside sending, so on a
            // slow machine accepted letters may have moved on from `submitted` before the run ends.
            #expect(metrics.value(RunMetrics.answers, ["job": job, "answer": "accepted"])
                    == Double(RunFixture.submittedOrLater.reduce(0) { $0 + (states[$1] ?? 0) }))
            #expect(metrics.value(RunMetrics.inFlight, ["job": job]) == 0)
            #expect(metrics.value(RunMetrics.queueDepth, ["job": job, "queue": "sealed"]) == 0)
            #expect(metrics.types[RunMetrics.receiptLag] == "gauge")
            let lines = run.err.split(separator: "\n")
            #expect(!lines.isEmpty)
            for line in lines {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
                #expect(object?["time"] != nil && object?["level"] != nil && object?["label"] != nil
                        && object?["message"] != nil, "\(line)")
            }
            #expect(run.err.range(of: #"(?<![0-9])[0-9]{11}(?![0-9])"#, options: .regularExpression) == nil)
        }
    }

    @Test func outsideTheSendWindowRunSaysWhenItOpensAndSendsNothing() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 20, database: database)
            try Self.setWindow(fixture, Self.closedWindow)
            let run = try Self.dpiBatch(fixture, ["run", "--job", String(fixture.jobId), "--quiet"])
            #expect(run.status == 0, "\(run.err)")
            #expect(run.out.contains("job \(fixture.jobId) is outside its send window; it opens at "), "\(run.out)")
            let due = try Self.dpiBatch(fixture, ["run", "--due", "--quiet"])
            #expect(due.status == 0 && due.out.contains("outside its send window"), "\(due.out) \(due.err)")
            #expect(try fixture.states() == ["pending": 20])
            #expect(try database.value("SELECT state FROM dpi.mailing_job") == "ready")
            #expect(fixture.simulation.accessPoint.report.accepted == 0)
        }
    }

    @Test func aJobWhoseNotBeforeIsAheadIsSentOnlyWithNow() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 20, withAddressEvery: 1, database: database)
            _ = try database.value("UPDATE dpi.mailing_job SET not_before = now() + interval '1 day'")
            let run = try Self.dpiBatch(fixture, ["run", "--job", String(fixture.jobId), "--quiet"])
            #expect(run.status == 0, "\(run.err)")
            #expect(run.out.contains("job \(fixture.jobId) is scheduled for ") && run.out.contains("--now"),
                    "\(run.out)")
            #expect(try fixture.states() == ["pending": 20])
            #expect(fixture.simulation.accessPoint.report.accepted == 0)
            let now = try Self.dpiBatch(fixture, ["run", "--job", String(fixture.jobId), "--quiet", "--now"])
            #expect(now.status == 0, "\(now.err)")
            #expect(now.out.contains("every letter is submitted or final"), "\(now.out)")
            #expect(try fixture.states()["pending"] == nil)
            #expect(fixture.simulation.accessPoint.report.accepted > 0)
        }
    }

    @Test func aRunStopsLikeAPauseWhenTheSendWindowClosesAndTheNextRunFinishes() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 200, withAddressEvery: 1,
                                         throughput: #"{"messagesPerSecond": 50, "maxInFlight": 4}"#,
                                         database: database)
            // A zone where it is now between 12:00 and 13:00; the window closes at 14:00 there (at least an hour
            // away), and the clock jumps 2 h at the twentieth letter.
            let utc = try #require(TimeZone(identifier: "UTC"))
            let hour = try #require(Calendar(identifier: .gregorian).dateComponents(in: utc, from: Date()).hour)
            let offset = 12 - hour
            let zone = offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-\(offset)" : "Etc/GMT+\(-offset)"
            try Self.setWindow(fixture, #"{"from": "00:00", "to": "14:00", "timeZone": "\#(zone)"}"#)
            let jump = LockedValue(0)
            let setup = try RunSetup(configuration: fixture.configuration, jobId: fixture.jobId,
                                     logger: Logger(label: "test", minimumLevel: .warning))
            #expect(setup.readiness() == .ready)
            var services = setup.services
            services.clock = { Date().addingTimeInterval(jump.value) }
            fixture.simulation.accessPoint.whenAccepted(letters: 20) { jump.value = 7200 }
            let summary = try MailingRun(services: services, options: setup.options).run(stop: Cancellation())
            #expect(!summary.isJobDone)
            #expect(summary.stoppedBecause?.hasPrefix("the send window closed (it opens again at ") == true,
                    "\(summary.stoppedBecause ?? "nil")")
            let submitted = try fixture.states()["submitted"] ?? 0
            #expect(submitted >= 20 && submitted < 200)
            #expect(try database.value("SELECT state FROM dpi.mailing_job") == "running")
            #expect(try database.value("SELECT count(*) FROM dpi.delivery WHERE lease_owner IS NOT NULL") == "0")

            let rest = try fixture.run()
            #expect(rest.isJobDone)
            #expect(try fixture.states() == ["submitted": 200])
            #expect(fixture.deliveredTwice.isEmpty)
        }
    }
}
