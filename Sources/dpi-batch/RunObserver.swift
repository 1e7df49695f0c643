import Foundation
import Mailing

/// `run --metrics-file PATH` / `--metrics-port P`: the run's metrics registry, the exporter refreshing it
/// from the database (and writing the file), and the loopback endpoint serving it.
final class RunObserver {
    let metrics: Metrics
    let exporter: MetricsExporter
    private let endpoint: MetricsEndpoint?

    /// Nil when neither option was given.
    init?(file: URL?, port: Int?, configuration: Configuration, logger: Logger) throws {
        guard file != nil || port != nil else { return nil }
        let metrics = RunMetrics.registry()
        exporter = MetricsExporter(metrics: metrics, file: file, databaseURL: try configuration.require(.databaseURL),
                                   logger: logger.labelled("metrics"))
        endpoint = try port.map { try MetricsEndpoint(metrics: metrics, port: $0) }
        self.metrics = metrics
        try exporter.start()
        if let endpoint { logger.info("metrics on http://127.0.0.1:\(endpoint.port)/metrics") }
    }

    /// Writes the last numbers and stops serving.
    func finish() {
        exporter.finish()
        endpoint?.stop()
    }
}
