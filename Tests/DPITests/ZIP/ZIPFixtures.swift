import DPI
import Foundation
import TestSupport

/// Shared inputs and tools of the ZIP tests: a fixed timestamp, reproducible contents, temp folders,
/// the official packages, and the independent tools (`unzip`, `zipinfo`, `zip`, Debian's python3).
enum ZIPFixtures {
    /// 2022-03-16 14:16:08, the timestamp of the reference `digital-dokumentpakke.zip`.
    static let referenceTime = ZIPTimestamp(dosDate: 0x5470, dosTime: 0x7204)

    static let asicMimetype = Data("application/vnd.etsi.asic-e+zip".utf8)
    static let asicComment = "mimetype=application/vnd.etsi.asic-e+zip"

    /// The four official example packages (decrypted ASiC-E ZIPs).
    static var referencePackages: [URL] {
        get throws {
            let folder = Repository.shared.appendingPathComponent("dpi-reference/eksempler/komplette")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix("-dokumentpakke.zip") }.sorted()
            return names.map { folder.appendingPathComponent($0) }
        }
    }

    /// `count` reproducible pseudo-random bytes (xorshift64*), incompressible like a PDF's streams.
    static func pseudoRandom(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> Data {
        var state = seed
        var bytes = [UInt8](repeating: 0, count: count)
        for index in bytes.indices {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            bytes[index] = UInt8(truncatingIfNeeded: (state &* 0x2545_F491_4F6C_DD1D) >> 56)
        }
        return Data(bytes)
    }

    /// A fresh folder, removed by the caller's `defer`.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dpi-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `data` to a temporary file and runs `body` with its path.
    static func withFile<R>(_ data: Data, name: String = "archive.zip", _ body: (URL) throws -> R) throws -> R {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try data.write(to: file)
        return try body(file)
    }

    /// Runs a python3 script (Debian's interpreter, independent of our code) with arguments.
    @discardableResult
    static func python(_ script: String, _ arguments: [String] = [], input: Data? = nil) throws -> ChildProcess.Result {
        try ChildProcess.succeed("/usr/bin/python3", ["-c", script] + arguments, input: input)
    }

    /// Runs Info-ZIP `unzip`/`zipinfo`/`zip` in a UTF-8 locale, so that UTF-8 names pass through
    /// unchanged (in the C locale unzip mangles them).
    static func infoZIP(_ tool: String, _ arguments: [String]) throws -> ChildProcess.Result {
        try ChildProcess.run(tool, arguments, environment: ["LC_ALL": "C.UTF-8"])
    }

    /// As `infoZIP`, but throws with the tool's message unless it exits 0.
    @discardableResult
    static func succeedInfoZIP(_ tool: String, _ arguments: [String]) throws -> ChildProcess.Result {
        try ChildProcess.succeed(tool, arguments, environment: ["LC_ALL": "C.UTF-8"])
    }

    /// An archive in memory built by `body` with the reference timestamp.
    static func archive(comment: String = "", zip64: ZIPWriter.ZIP64Mode = .asNeeded,
                        _ body: (ZIPWriter) throws -> Void) throws -> Data {
        let output = ZIPMemoryOutput()
        let writer = try ZIPWriter(output: output, modified: referenceTime, zip64: zip64)
        try body(writer)
        try writer.finish(comment: comment)
        return output.data
    }

    /// `data` with every occurrence of `old` replaced by `new` (same length), for forging names.
    static func replacing(_ old: String, with new: String, in data: Data) -> Data {
        precondition(old.utf8.count == new.utf8.count)
        var bytes = [UInt8](data)
        let pattern = Array(old.utf8), replacement = Array(new.utf8)
        var index = 0
        while index + pattern.count <= bytes.count {
            if Array(bytes[index..<index + pattern.count]) == pattern {
                bytes.replaceSubrange(index..<index + pattern.count, with: replacement)
                index += pattern.count
            } else {
                index += 1
            }
        }
        return Data(bytes)
    }
}
