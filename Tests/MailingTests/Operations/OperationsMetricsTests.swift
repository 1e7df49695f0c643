import Foundation
@testable import Mailing
import Testing
import TestSupport

/// The metrics registry's text, the atomic file and the loopback endpoint, checked with a strict parser.
@Suite struct OperationsMetricsTests {
    @Test func everyDpiBatchMetricIsDeclaredAndTheTextParsesStrictly() throws {
        let metrics = RunMetrics.registry()
        let run = RunMetrics(metrics: metrics, jobId: 7)
        run.recorded(state: "submitted")
        run.recorded(state: "submitted")
        run.answered(.rateLimited(retryAfter: 2))
        run.inFlight(1)
        metrics.set(RunMetrics.receiptLag, 1.5, labels: ["job": "7"])
        metrics.replace(RunMetrics.letters, with: [["job": "7", "state": "pending"]: 12])
        let parsed = try PrometheusText(metrics.exposition)
        for name in [RunMetrics.letters, RunMetrics.recorded, RunMetrics.lettersPerSecond, RunMetrics.inFlight,
                     RunMetrics.answers, RunMetrics.rateLimited, RunMetrics.queueDepth, RunMetrics.receiptLag] {
            #expect(parsed.types[name] != nil, "\(name) has no TYPE")
            #expect(!(parsed.helps[name] ?? "").isEmpty, "\(name) has no HELP")
        }
        for (name, type) in parsed.types {
            #expect((type == "counter") == name.hasSuffix("_total"), "\(name) is a \(type)")
        }
        #expect(parsed.value(RunMetrics.recorded, ["job": "7", "state": "submitted"]) == 2)
        #expect(parsed.value(RunMetrics.rateLimited, ["job": "7"]) == 1)
        #expect(parsed.value(RunMetrics.answers, ["job": "7", "answer": "rate_limited"]) == 1)
        #expect(parsed.value(RunMetrics.inFlight, ["job": "7"]) == 1)
        #expect(parsed.value(RunMetrics.receiptLag, ["job": "7"]) == 1.5)
        #expect(parsed.value(RunMetrics.letters, ["job": "7", "state": "pending"]) == 12)
    }

    @Test func labelValuesAndHelpAreEscapedAndSampledGaugesAreReadWhenRendered() throws {
        let metrics = Metrics()
        metrics.register("odd_gauge", .gauge, help: "a help with a \\ and\na line feed")
        metrics.set("odd_gauge", -3, labels: ["path": #"C:\x "quoted""# + "\nnext"])
        let depth = LockedValue(4.0)
        metrics.sample("odd_gauge", labels: ["queue": "q"]) { depth.value }
        let first = try PrometheusText(metrics.exposition)
        #expect(first.value("odd_gauge", ["path": #"C:\x "quoted""# + "\nnext"]) == -3)
        #expect(first.value("odd_gauge", ["queue": "q"]) == 4)
        #expect(metrics.exposition.contains(#"# HELP odd_gauge a help with a \\ and\na line feed"#))
        depth.value = 9
        #expect(try PrometheusText(metrics.exposition).value("odd_gauge", ["queue": "q"]) == 9)
    }

    @Test func theStrictParserRefusesBrokenText() {
        for broken in ["no_newline 1", "a{b=\"x} 1\n", "a 1\nb 2\na 3\n", "# TYPE a counter\n# TYPE a counter\n",
                       "1a 2\n", "a{b=\"x\"}1\n", "a{b=\"\\q\"} 1\n"] {
            #expect(throws: PrometheusText.Problem.self, "\(broken)") { try PrometheusText(broken) }
        }
    }

    @Test func theMetricsFileIsReplacedWholeAndNoTemporaryFileStays() throws {
        try TemporaryDirectory.with(prefix: "metrics") { folder in
            let file = folder.appendingPathComponent("dpi-batch.prom")
            try MetricsExporter.writeAtomically("first 1\n", to: file)
            try MetricsExporter.writeAtomically("second 2\n", to: file)
            #expect(try String(contentsOf: file, encoding: .utf8) == "second 2\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["dpi-batch.prom"])
            let missing = folder.appendingPathComponent("no/such/folder/x.prom")
            #expect(throws: (any Error).self) { try MetricsExporter.writeAtomically("x 1\n", to: missing) }
        }
    }

    @Test func theEndpointServesMetricsOnLoopbackAndNothingElse() throws {
        let metrics = RunMetrics.registry()
        RunMetrics(metrics: metrics, jobId: 3).recorded(state: "rejected")
        let endpoint = try MetricsEndpoint(metrics: metrics, port: 0)
        defer { endpoint.stop() }
        let base = "http://127.0.0.1:\(endpoint.port)"
        let served = try ChildProcess.succeed("curl", ["-sS", "-D", "-", base + "/metrics"]).text
        let parts = served.components(separatedBy: "\r\n\r\n")
        #expect(parts[0].lowercased().contains("content-type: text/plain; version=0.0.4"))
        let parsed = try PrometheusText(parts.dropFirst().joined(separator: "\r\n\r\n"))
        #expect(parsed.value(RunMetrics.recorded, ["job": "3", "state": "rejected"]) == 1)
        let other = try ChildProcess.run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", base + "/"]).text
        #expect(other == "404")
    }
}

/// A value a sampler closure reads while the test changes it.
final class LockedValue: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Double
    init(_ value: Double) { stored = value }
    var value: Double {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
