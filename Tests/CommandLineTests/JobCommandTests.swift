import Foundation
import Testing
import TestSupport

/// `run`, `pause` and `cancel` as an operator types them (the run itself is tested in MailingTests).
@Suite struct JobCommandTests {
    @Test func runPauseAndCancelRefuseBadUsageWithExitTwo() throws {
        for (arguments, reason) in [
            (["run"], "--job ID is required"),
            (["run", "--job", "seven"], "--job takes a job id"),
            (["run", "--job", "1", "--due"], "either --job ID or --due"),
            (["run", "--due", "--dry-run", "/tmp/x"], "--dry-run needs --job ID"),
            (["pause"], "--job ID is required"),
            (["cancel", "--job", "-3"], "--job takes a job id"),
        ] {
            let result = try DPIBatch.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(reason), "\(arguments): \(result.stderr)")
        }
    }

    @Test func pauseAndCancelMoveAJobAndSayWhatTheyDid() throws {
        try TestDatabase.withFreshDatabase { url throws in
            let environment = ["DPI_DATABASE_URL": url]
            #expect(try DPIBatch.run(["migrate"], environment: environment).status == 0)
            let job = try TestDatabase.psql(url, "INSERT INTO dpi.mailing_job (name, pipeline) VALUES ('j', '{}') RETURNING id")

            let paused = try DPIBatch.run(["pause", "--job", job], environment: environment)
            #expect(paused.status == 0 && paused.text.contains("job \(job) is paused"), "\(paused.stderr)")
            #expect(try TestDatabase.psql(url, "SELECT state FROM dpi.mailing_job") == "paused")

            let cancelled = try DPIBatch.run(["cancel", "--job", job], environment: environment)
            #expect(cancelled.status == 0 && cancelled.text.contains("is cancelled"))
            let pausedAgain = try DPIBatch.run(["pause", "--job", job], environment: environment)
            #expect(pausedAgain.status == 1 && pausedAgain.stderr.contains("job \(job) is cancelled"))
            let unknown = try DPIBatch.run(["pause", "--job", "999"], environment: environment)
            #expect(unknown.status == 1 && unknown.stderr.contains("there is no job 999"))
            let run = try DPIBatch.run(["run", "--job", "999"], environment: environment)
            #expect(run.status == 1 && run.stderr.contains("there is no job 999"), "\(run.stderr)")
            let runCancelled = try DPIBatch.run(["run", "--job", job], environment: environment)
            #expect(runCancelled.status == 1 && runCancelled.stderr.contains("job \(job) was cancelled"))

            let other = try TestDatabase.psql(url, "INSERT INTO dpi.mailing_job (name, pipeline) VALUES ('k', '{}') RETURNING id")
            let invalid = try DPIBatch.run(["run", "--job", other], environment: environment)
            #expect(invalid.status == 1 && invalid.stderr.contains("baseDirectory"), "\(invalid.stderr)")
        }
    }
}
