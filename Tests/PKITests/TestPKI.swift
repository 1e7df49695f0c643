import Foundation
import Synchronization

/// Paths of the repository, the shared reference material and the test PKI that `ops/make-test-pki`
/// generates once per test process.
enum TestPKI {
    /// The checkout: three levels up from this file (Tests/PKITests/TestPKI.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The official complete examples (`<root>/../shared/dpi-reference/eksempler/komplette`).
    static let examples = root.deletingLastPathComponent()
        .appendingPathComponent("shared/dpi-reference/eksempler/komplette")

    private static let generated = Mutex(false)
    /// One folder per test process, named by process id so the exit handler can find it without state.
    private static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dpi-pki-\(getpid())")

    /// The folder of the test PKI, made on first use by the real `ops/make-test-pki` and deleted at exit.
    static func directory() throws -> URL {
        try generated.withLock { done in
            if done { return folder }
            let result = try Command.run(root.appendingPathComponent("ops/make-test-pki").path, [folder.path])
            guard result.status == 0 else { throw CommandFailure(result: result) }
            atexit { try? FileManager.default.removeItem(at: TestPKI.folder) }
            done = true
            return folder
        }
    }

    /// A file of the test PKI, e.g. `sender.cert.pem`.
    static func file(_ name: String) throws -> URL {
        try directory().appendingPathComponent(name)
    }

    /// The bytes of a file of the test PKI.
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: file(name))
    }

    /// An official example file.
    static func example(_ name: String) throws -> Data {
        try Data(contentsOf: examples.appendingPathComponent(name))
    }
}

/// Fresh folders under the system temporary directory.
enum TemporaryDirectory {
    /// A new empty folder; tests delete it when done with `remove`.
    static func make(prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dpi-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `body` with a new folder and deletes it afterwards.
    static func with<R>(_ body: (URL) throws -> R) throws -> R {
        let url = try make(prefix: "test")
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }
}
