import Foundation
import Testing
import TestSupport

/// `dpi-batch simulate` run as a user runs it: it makes its test PKI and seed in the folder it is given,
/// prints the variables a sender needs, answers on the printed address, and stops cleanly on SIGTERM.
@Suite struct SimulateCommandTests {
    @Test func simulatePrintsTheSenderEnvironmentServesAndStopsOnSIGTERM() throws {
        try TemporaryDirectory.with(prefix: "simulate") { folder in
            let process = try BackgroundProcess(try BuiltExecutable.path(),
                                                ["simulate", "--port", "0", "--dir", folder.path, "--persons", "16"])
            defer { process.stop() }
            let printed = waitUntil(timeout: .seconds(60)) {
                String(decoding: process.output(), as: UTF8.self).contains("stop with Ctrl-C") || !process.isRunning
            }
            let output = String(decoding: process.output(), as: UTF8.self)
            try #require(printed && process.isRunning, "\(output)\n\(process.errorOutput())")
            var variables: [String: String] = [:]
            for line in output.split(separator: "\n") where line.hasPrefix("DPI_") {
                let pair = line.split(separator: "=", maxSplits: 1).map(String.init)
                variables[pair[0]] = pair.count > 1 ? pair[1] : ""
            }
            #expect(Set(variables.keys) == ["DPI_ACCESS_POINT_URL", "DPI_KRR_URL", "DPI_MASKINPORTEN_TOKEN_URL",
                                            "DPI_MASKINPORTEN_AUDIENCE", "DPI_CLIENT_ID", "DPI_KEYSTORE",
                                            "DPI_KEYSTORE_PASSWORD", "DPI_TRUST_ANCHORS", "DPI_KANAL"])
            #expect(FileManager.default.fileExists(atPath: variables["DPI_KEYSTORE"] ?? ""))
            #expect(FileManager.default.fileExists(atPath: variables["DPI_TRUST_ANCHORS"] ?? ""))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("seed.json").path))
            let base = try #require(variables["DPI_ACCESS_POINT_URL"])
            #expect(base.hasPrefix("http://127.0.0.1:"))

            let report = try ChildProcess.succeed("curl", ["-sS", "--max-time", "10", base + "/simulator/report"])
            #expect(report.text.contains("\"accepted\":0"), "\(report.text)")
            let inbox = try ChildProcess.succeed(
                "curl", ["-sS", "--max-time", "10", "-o", "/dev/null", "-w", "%{http_code}", base + "/messages/in"])
            #expect(inbox.text == "401")

            kill(process.id, SIGTERM)
            #expect(process.wait(timeout: .seconds(20)))
            #expect(process.status == 0)
            #expect(String(decoding: process.output(), as: UTF8.self).contains("simulator stopped"))
        }
    }
}
