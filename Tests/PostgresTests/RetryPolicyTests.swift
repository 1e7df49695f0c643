import ErrorDisposition
import Postgres
import Testing
import TestSupport

@Suite("RetryPolicy backs off exponentially with jitter and retries only transient errors")
struct RetryPolicyTests {
    /// A real `.retry` error: connecting to a closed port.
    private func unreachableError() throws -> PostgresError {
        let port = try LoopbackPort.closed()
        return try #require(throws: PostgresError.self) { try Connection("host=127.0.0.1 port=\(port)") }
    }

    @Test("nominal delays double from the initial delay up to the cap, and jitter stays in [nominal/2, nominal]")
    func delays() {
        let policy = RetryPolicy()
        let expected: [Duration] = [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800),
                                    .milliseconds(1600), .milliseconds(3200), .milliseconds(6400), .seconds(10),
                                    .seconds(10), .seconds(10)]
        for (index, nominal) in expected.enumerated() {
            #expect(policy.nominalDelay(beforeRetry: index + 1) == nominal, "retry \(index + 1)")
            for _ in 0..<20 {
                let delay = policy.delay(beforeRetry: index + 1)
                #expect(delay >= nominal / 2 && delay <= nominal, "retry \(index + 1)")
            }
        }
        #expect(policy.nominalDelay(beforeRetry: 1000) == .seconds(10))
    }

    @Test("a retry error is retried until the body succeeds")
    func retriesUntilSuccess() throws {
        let unreachable = try unreachableError()
        #expect(unreachable.disposition == .retry)
        var attempts = 0
        let value = try RetryPolicy(initialDelay: .milliseconds(1)).run {
            attempts += 1
            if attempts < 3 { throw unreachable }
            return attempts
        }
        #expect(value == 3)
    }

    @Test("it gives up after maxAttempts and rethrows the last error")
    func givesUp() throws {
        let unreachable = try unreachableError()
        var attempts = 0
        #expect(throws: PostgresError.self) {
            try RetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(1)).run {
                attempts += 1
                throw unreachable
            }
        }
        #expect(attempts == 4)
    }

    @Test("it stops at the time limit even with attempts left")
    func timeLimit() throws {
        let unreachable = try unreachableError()
        var attempts = 0
        #expect(throws: PostgresError.self) {
            try RetryPolicy(maxAttempts: 100, initialDelay: .milliseconds(20), timeLimit: .milliseconds(50)).run {
                attempts += 1
                throw unreachable
            }
        }
        #expect(attempts < 5)
    }

    @Test("errors that are not transient, such as a reject, are thrown at once")
    func noRetryForOtherErrors() throws {
        let connection = try Connection(try TestDatabase.serverURL())
        var attempts = 0
        let error = try #require(throws: PostgresError.self) {
            try RetryPolicy(initialDelay: .milliseconds(1)).run {
                attempts += 1
                try connection.execute("SELECT \("x")::int")
            }
        }
        #expect(error.disposition == .reject)
        #expect(attempts == 1)
    }
}
