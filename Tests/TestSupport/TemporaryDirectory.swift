public import Foundation

/// Fresh, empty folders under the system temporary directory, for files a test writes.
public enum TemporaryDirectory {
    /// A new empty folder named `dpi-<prefix>-<uuid>`; the caller deletes it (or use `with`).
    public static func make(prefix: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dpi-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `body` with a new empty folder and deletes the folder afterwards, also when `body` throws.
    public static func with<R>(prefix: String = "test", _ body: (URL) throws -> R) throws -> R {
        let url = try make(prefix: prefix)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }
}
