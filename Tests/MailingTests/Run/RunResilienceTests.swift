import Foundation
@testable import Mailing
import Pipeline
import Postgres
import Simulator
import Testing
import TestSupport

/// Exactly once through crashes, faults, a database restart and a second process (issue 6 acceptance).
@Suite(.serialized) struct RunResilienceTests {
    @Test func killedWithSIGKILLTenTimesAtRandomMomentsAndResumedEachLetterIsStillSentOnce() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 1_200, printOnly: 30,
                                         throughput: #"{"messagesPerSecond": 60, "maxInFlight": 16}"#,
                                         database: database)
            var kills = 0
            for _ in 0..<10 {
                let process = try RunProcess.start(fixture)
                _ = process.wait(timeout: .milliseconds(Int.random(in: 300...1_300)))
                if process.isRunning { kills += 1 }
                process.stop()
            }
            #expect(kills == 10, "the run ended before it could be killed ten times")
            let last = try RunProcess.complete(fixture)
            #expect(last.status == 0, "\(last.errors)")
            try RunExpectations.verifyExactlyOnce(fixture,
                                                  expected: RunExpectations.states(fixture, printOnly: 30))
        }
    }

    @Test func withEverySimulatorFaultOnEachLetterIsSentOnceAndRetryAfterIsHonoured() throws {
        try RunDatabase.with { database throws in
            var faults = FaultSettings()
            faults.requestsPerSecond = 40
            faults.unavailableShare = 0.10
            faults.failAfterStoreShare = 0.05
            faults.dropAfterStoreShare = 0.03
            faults.latency = 0.01
            let fixture = try RunFixture(persons: 300, faults: faults,
                                         throughput: #"{"messagesPerSecond": 1000, "maxInFlight": 8}"#,
                                         database: database)
            let started = Date()
            let summary = try fixture.run()
            let seconds = Date().timeIntervalSince(started)
            #expect(summary.isJobDone)
            try RunExpectations.verifyExactlyOnce(fixture, expected: RunExpectations.states(fixture))
            let report = fixture.simulation.accessPoint.report
            #expect(report.failedAfterStore > 0 && report.droppedAfterStore > 0 && report.serviceUnavailable > 0)
            #expect(report.tooManyRequests > 0)
            // Honouring Retry-After (1 s) pauses every sender, so each second sees at most the requests that were
            // already in flight refused; ignoring it would draw a 429 for nearly every request above 40/s.
            #expect(report.tooManyRequests <= 8 * (Int(seconds) + 1))
        }
    }

    @Test func aDatabaseRestartMidRunEndsTheRunCleanlyOrIsRiddenOutAndARerunFinishes() throws {
        try TestCluster.with { cluster throws in
            let database = try RunDatabase.migrated(cluster.url)
            let fixture = try RunFixture(persons: 600, throughput: #"{"messagesPerSecond": 100, "maxInFlight": 8}"#,
                                         database: database)
            let process = try RunProcess.start(fixture)
            #expect(waitUntil(timeout: .seconds(60)) { fixture.hasSubmitted(moreThan: 30) })
            try cluster.restart()
            #expect(process.wait(timeout: .seconds(180)))
            #expect(process.status == 0 || process.status == 1, "\(process.errorOutput())")
            if process.status != 0 {
                let rerun = try RunProcess.complete(fixture)
                #expect(rerun.status == 0, "\(rerun.errors)")
            }
            try RunExpectations.verifyExactlyOnce(fixture, expected: RunExpectations.states(fixture))
        }
    }

    @Test func twoProcessesOnOneJobShareItBothDoWorkAndEachLetterIsSentOnce() throws {
        try RunDatabase.with { database throws in
            // 60/s makes claims of 120 letters: a process holds at most about three batches (two queued, one
            // being routed), so the first to start cannot take the whole job before the other claims. At
            // 200/s both batches of 400 could go to the first, and a fresh-clone CI run saw one do no work.
            let fixture = try RunFixture(persons: 800, throughput: #"{"messagesPerSecond": 60, "maxInFlight": 8}"#,
                                         database: database)
            let first = try RunProcess.start(fixture), second = try RunProcess.start(fixture)
            #expect(first.wait(timeout: .seconds(300)) && second.wait(timeout: .seconds(300)))
            #expect(first.status == 0 && second.status == 0, "\(first.errorOutput()) \(second.errorOutput())")
            for process in [first, second] {
                let output = String(decoding: process.output(), as: UTF8.self)
                let handled = output.firstMatch(of: /this run handled (\d+) letters/).flatMap { Int($0.1) } ?? 0
                #expect(handled > 0, "a process did no work: \(output)")
            }
            try RunExpectations.verifyExactlyOnce(fixture, expected: RunExpectations.states(fixture))
        }
    }

    @Test func sigtermStopsTheRunCleanlyWithExitZeroAndTheJobResumable() throws {
        try RunDatabase.with { database throws in
            let fixture = try RunFixture(persons: 400, throughput: #"{"messagesPerSecond": 60, "maxInFlight": 4}"#,
                                         database: database)
            let process = try RunProcess.start(fixture)
            let processId = process.id
            fixture.simulation.accessPoint.whenAccepted(letters: 10) { kill(processId, SIGTERM) }
            #expect(process.wait(timeout: .seconds(60)))
            #expect(process.status == 0, "\(process.errorOutput())")
            #expect(String(decoding: process.output(), as: UTF8.self).contains("run it again to resume"))
            #expect(try database.value("SELECT count(*) FROM dpi.delivery WHERE lease_owner IS NOT NULL") == "0")
            #expect(try database.value("""
                SELECT count(*) FROM dpi.delivery WHERE state IN ('pending', 'routed', 'submitting')
                """) != "0", "the job was finished before the signal; nothing shows it stopped early")
            let rest = try RunProcess.complete(fixture)
            #expect(rest.status == 0, "\(rest.errors)")
            try RunExpectations.verifyExactlyOnce(fixture, expected: RunExpectations.states(fixture))
        }
    }
}
