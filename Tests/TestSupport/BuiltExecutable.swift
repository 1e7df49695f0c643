import Foundation

/// A product of the same build as the running test bundle (the `dpi-batch` binary), found next to it.
public enum BuiltExecutable {
    /// The path of the executable `name` beside the test bundle; throws when it was not built.
    public static func path(_ name: String = "dpi-batch") throws -> String {
        let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let path = folder.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestEnvironmentError("\(path) is missing: build with `swift build --build-tests` first")
        }
        return path
    }
}
