import Foundation
import TestSupport

/// The built `dpi-batch` executable, run as a user would run it.
enum DPIBatch {
    /// Runs `dpi-batch arguments` with only `environment`'s DPI_* variables set (none inherited).
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ChildProcess.Result {
        var clean = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("DPI_") }
        clean.merge(environment) { $1 }
        let variables = clean.map { "\($0.key)=\($0.value)" }
        return try ChildProcess.run("env", ["-i"] + variables + [try BuiltExecutable.path()] + arguments)
    }
}
