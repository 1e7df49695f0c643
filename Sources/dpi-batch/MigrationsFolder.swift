import Foundation

/// Finds `sql/migrations/`: given with `--migrations DIR`, else the nearest one above the running
/// executable (a build inside the checkout), else above the current directory.
enum MigrationsFolder {
    static func locate(given: String?) throws(UsageError) -> String {
        if let given { return given }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let starts = [executable.deletingLastPathComponent(), URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent("sql/migrations")
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw UsageError("cannot find sql/migrations above the executable or the current directory: "
            + "pass --migrations DIR")
    }
}
