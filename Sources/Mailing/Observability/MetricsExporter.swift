public import Foundation
import Glibc
import Postgres
import Synchronization

/// Publishes a run's metrics while it goes on: every `interval` it reads the letters per state and the receipt
/// lag of the jobs that are ready, running or paused (and those it was told to watch) from the database, then
/// rewrites the metrics file atomically — a temporary file in the same folder, renamed over the old one — as
/// node_exporter's textfile collector requires. A failure to refresh or write is logged and tried again.
public final class MetricsExporter: Sendable {
    private let metrics: Metrics
    private let file: URL?
    private let databaseURL: String
    private let interval: TimeInterval
    private let logger: Logger
    private let watched = Mutex<Set<Int64>>([])
    private let finished = Mutex(false)
    private let done = Mutex<DispatchSemaphore?>(nil)

    /// An exporter of `metrics` to `file` (nil: refresh only, for the HTTP endpoint) every `interval` seconds.
    public init(metrics: Metrics, file: URL?, databaseURL: String, interval: TimeInterval = 5, logger: Logger) {
        self.metrics = metrics
        self.file = file
        self.databaseURL = databaseURL
        self.interval = interval
        self.logger = logger
    }

    /// Also reports `job`'s letters when it is no longer ready, running or paused (a run that just ended).
    public func watch(job: Int64) {
        watched.withLock { _ = $0.insert(job) }
    }

    /// Refreshes and writes once now, then every interval on a thread of its own (its own connection).
    public func start() throws {
        let databaseURL = databaseURL
        let thread = try WorkerThread.start(setup: { try Connection(databaseURL) }, body: { [self] connection in
            while !finished.withLock({ $0 }) {
                publish(connection)
                var slept: TimeInterval = 0
                while slept < interval, !finished.withLock({ $0 }) {
                    Thread.sleep(forTimeInterval: 0.1)
                    slept += 0.1
                }
            }
            publish(connection)
        })
        done.withLock { $0 = thread }
    }

    /// Stops the thread after a last refresh and write, and waits for it.
    public func finish() {
        finished.withLock { $0 = true }
        done.withLock { $0 }?.wait()
    }

    private func publish(_ connection: Connection) {
        do {
            try refresh(connection)
        } catch {
            logger.warning("metrics: cannot read letter counts (\(error)); keeping the last ones")
        }
        guard let file else { return }
        do {
            try Self.writeAtomically(metrics.exposition, to: file)
        } catch {
            logger.warning("metrics: cannot write \(file.path) (\(error))")
        }
    }

    private func refresh(_ connection: Connection) throws {
        let jobs = Array(watched.withLock { $0 })
        let rows = try connection.query("""
            SELECT d.job_id, d.state, count(*) AS n
            FROM dpi.delivery d JOIN dpi.mailing_job j ON j.id = d.job_id
            WHERE j.state IN ('ready', 'running', 'paused') OR j.id = ANY(\(jobs))
            GROUP BY d.job_id, d.state
            """)
        var series: [Metrics.Labels: Double] = [:]
        for row in rows {
            let job: Int64 = try row.decode("job_id")
            series[["job": String(job), "state": try row.decode("state")]] = Double(try row.decode("n", as: Int64.self))
        }
        metrics.replace(RunMetrics.letters, with: series)
        let lags = try connection.query("""
            SELECT d.job_id, extract(epoch FROM now() - min(d.submitted_at))::float8 AS lag
            FROM dpi.delivery d JOIN dpi.mailing_job j ON j.id = d.job_id
            WHERE (j.state IN ('ready', 'running', 'paused') OR j.id = ANY(\(jobs)))
              AND d.state = 'submitted' AND d.submitted_at IS NOT NULL
            GROUP BY d.job_id
            """)
        var lagSeries: [Metrics.Labels: Double] = [:]
        for row in lags {
            lagSeries[["job": String(try row.decode("job_id", as: Int64.self))]] = try row.decode("lag", as: Double.self)
        }
        metrics.replace(RunMetrics.receiptLag, with: lagSeries)
    }

    /// Writes `text` to a temporary file beside `file` and renames it over `file`, so a reader sees the old
    /// text or the new, never half of it.
    static func writeAtomically(_ text: String, to file: URL) throws {
        let folder = file.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "rename failed: \(reason)"])
        }
    }
}
