import Foundation
@testable import Mailing
import Testing
import TestSupport

@Suite struct OperationsReceiptLagTests {
    @Test func receiptLagIsTheWaitOfTheOldestSubmittedLetterWithoutAReceipt() throws {
        try RunDatabase.with { database throws in
            let job = try database.job(recipients: 3)
            _ = try database.value("""
                UPDATE dpi.delivery SET state = 'submitted', submitted_at = now() - interval '100 seconds'
                WHERE recipient_id = (SELECT min(recipient_id) FROM dpi.delivery);
                UPDATE dpi.delivery SET state = 'delivered', submitted_at = now() - interval '900 seconds'
                WHERE recipient_id = (SELECT max(recipient_id) FROM dpi.delivery)
                """)
            let file = try TemporaryDirectory.make(prefix: "lag").appendingPathComponent("dpi-batch.prom")
            let metrics = RunMetrics.registry()
            let exporter = MetricsExporter(metrics: metrics, file: file, databaseURL: database.url,
                                           logger: Logger(label: "test", minimumLevel: .error))
            try exporter.start()
            exporter.finish()
            let text = try PrometheusText(try String(contentsOf: file, encoding: .utf8))
            let lag = try #require(text.value(RunMetrics.receiptLag, ["job": String(job)]))
            #expect(lag >= 100 && lag < 160, "the delivered letter's older submission must not count")
        }
    }
}
