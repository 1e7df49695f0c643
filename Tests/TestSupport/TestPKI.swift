public import Foundation
import Synchronization

/// The test PKI that the real `ops/make-test-pki` makes, once per test process, deleted at exit.
public enum TestPKI {
    private static let generated = Mutex(false)
    /// One folder per test process, named by process id so the exit handler needs no state.
    private static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dpi-pki-\(getpid())")

    /// The folder of the test PKI, made on first use.
    public static func directory() throws -> URL {
        try generated.withLock { done in
            if done { return folder }
            try ChildProcess.succeed(Repository.ops("make-test-pki"), [folder.path])
            atexit { try? FileManager.default.removeItem(at: TestPKI.folder) }
            done = true
            return folder
        }
    }

    /// A file of the test PKI, e.g. `sender.p12`.
    public static func file(_ name: String) throws -> URL {
        try directory().appendingPathComponent(name)
    }

    /// The bytes of a file of the test PKI.
    public static func data(_ name: String) throws -> Data {
        try Data(contentsOf: file(name))
    }
}
