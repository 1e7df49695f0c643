import Foundation
import TestSupport

/// The built `dpi-batch` executable, run as a user would run it.
enum DPIBatch {
    /// The executable next to the test bundle (both are products of the same build).
    static func path() throws -> String {
        let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let path = folder.appendingPathComponent("dpi-batch").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestEnvironmentError("\(path) is missing: build with `swift build --build-tests` first")
        }
        return path
    }

    /// Runs `dpi-batch arguments` with only `environment`'s DPI_* variables set (none inherited).
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ChildProcess.Result {
        var clean = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("DPI_") }
        clean.merge(environment) { $1 }
        return try ChildProcess.run("env", ["-i"] + clean.map { "\($0.key)=\($0.value)" } + [try path()] + arguments)
    }
}
