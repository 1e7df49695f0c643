import Foundation

/// Finds a file of the checkout this executable was built in: the nearest `relativePath` above the running
/// executable, else above the current directory (how `migrate` finds `sql/migrations` and `simulate` finds
/// `ops/make-test-pki`).
enum CheckoutSearch {
    /// The path of the nearest `relativePath` for which `accept` holds, or nil.
    static func nearest(_ relativePath: String, accept: (String) -> Bool) -> String? {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let starts = [executable.deletingLastPathComponent(),
                      URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent(relativePath)
                if accept(candidate.path) { return candidate.path }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}
