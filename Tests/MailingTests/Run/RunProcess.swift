import Foundation
import TestSupport

/// `dpi-batch run --job ID --quiet` as a child process against a `RunFixture`, the way an operator runs it.
enum RunProcess {
    /// Starts the run in the background, without reconciling receipts: these tests check what was sent.
    static func start(_ fixture: RunFixture, databaseURL: String? = nil) throws -> BackgroundProcess {
        var environment = fixture.environment
        if let databaseURL { environment["DPI_DATABASE_URL"] = databaseURL }
        return try BackgroundProcess(try BuiltExecutable.path(),
                                     ["run", "--job", String(fixture.jobId), "--quiet", "--no-receipts"],
                                     environment: environment)
    }

    /// Runs to the end (at most `timeout`) and returns the exit status and output.
    static func complete(_ fixture: RunFixture, timeout: Duration = .seconds(300)) throws
        -> (status: Int32?, output: String, errors: String) {
        let process = try start(fixture)
        _ = process.wait(timeout: timeout)
        return (process.status, String(decoding: process.output(), as: UTF8.self), process.errorOutput())
    }
}
