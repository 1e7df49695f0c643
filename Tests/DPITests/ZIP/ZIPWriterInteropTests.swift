import DPI
import Foundation
import PKI
import Testing
import TestSupport

/// Our archives must be read the same way by independent tools: Info-ZIP `unzip`/`zipinfo` and
/// Debian's python3 `zipfile`.
@Suite struct ZIPWriterInteropTests {
    static let contents: [(name: String, data: Data)] = [
        ("random.bin", ZIPFixtures.pseudoRandom(count: 300_000)),
        ("tekst.txt", Data(String(repeating: "Hei, dette er et brev. ", count: 2_000).utf8)),
        ("tom.txt", Data()),
        ("brev-æøå.txt", Data("Blåbærsyltetøy på skiva.\n".utf8)),
    ]

    /// Every content stored and deflated from memory, deflated at level 0 (stored blocks, several for the
    /// large one), deflated and stored from a file, and from chunks.
    static func archive(in folder: URL) throws -> (Data, [(name: String, data: Data)]) {
        var expected: [(name: String, data: Data)] = []
        let data = try ZIPFixtures.archive(comment: "kommentar") { writer in
            for (name, content) in contents {
                try writer.addStored(name: "stored/" + name, data: content)
                try writer.addDeflated(name: "deflated/" + name, data: content)
                try writer.addDeflated(name: "level0/" + name, data: content, level: 0)
                let file = folder.appendingPathComponent(name)
                try content.write(to: file)
                try writer.addDeflated(name: "file-deflated/" + name, contentsOf: file)
                try writer.addStored(name: "file-stored/" + name, contentsOf: file)
                var pieces = stride(from: 0, to: content.count, by: 7_777).map {
                    content[$0..<min($0 + 7_777, content.count)]
                }.makeIterator()
                try writer.addDeflated(name: "chunks/" + name) { pieces.next().map { Data($0) } }
                expected += ["stored/", "deflated/", "level0/", "file-deflated/", "file-stored/", "chunks/"].map {
                    ($0 + name, content)
                }
            }
        }
        return (data, expected)
    }

    /// Builds the archive into a temporary file and runs `body` with the file, bytes and expected entries.
    static func withArchiveFile(_ body: (URL, Data, [(name: String, data: Data)]) throws -> Void) throws {
        let folder = try ZIPFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (archive, expected) = try Self.archive(in: folder)
        let file = folder.appendingPathComponent("out.zip")
        try archive.write(to: file)
        try body(file, archive, expected)
    }

    @Test func unzipTestsAndExtractsEveryEntryByteIdentical() throws {
        try Self.withArchiveFile { file, _, expected in
            let test = try ZIPFixtures.infoZIP("unzip", ["-t", file.path])
            #expect(test.status == 0, "unzip -t: \(test.text) \(test.stderr)")
            #expect(test.text.contains("No errors detected"))
            let listing = try ZIPFixtures.succeedInfoZIP("zipinfo", ["-1", file.path]).text
            #expect(listing.split(separator: "\n").map(String.init) == expected.map(\.name))
            for (name, content) in expected {
                let extracted = try ZIPFixtures.succeedInfoZIP("unzip", ["-p", file.path, name]).stdout
                #expect(extracted == content, "unzip -p \(name)")
            }
        }
    }

    @Test func pythonZipfileReadsTheSameNamesCRCsAndContent() throws {
        try Self.withArchiveFile { file, archive, expected in
            let script = """
                import hashlib, json, sys, zipfile, zlib
                z = zipfile.ZipFile(sys.argv[1])
                assert z.testzip() is None
                out = [[i.filename, i.CRC, zlib.crc32(z.read(i)), i.compress_type,
                        hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()]
                print(json.dumps({"entries": out, "comment": z.comment.decode()}))
                """
            let report = try JSONSerialization.jsonObject(with: ZIPFixtures.python(script, [file.path]).stdout)
                as? [String: Any]
            let rows = try #require(report?["entries"] as? [[Any]])
            #expect(report?["comment"] as? String == "kommentar")
            let ours = try ZIPReader(data: archive).entries
            #expect(rows.count == expected.count)
            for (row, (entry, (name, content))) in zip(rows, zip(ours, expected)) {
                #expect(row[0] as? String == name)
                #expect((row[1] as? NSNumber)?.uint32Value == entry.crc32)
                #expect((row[2] as? NSNumber)?.uint32Value == entry.crc32)
                #expect((row[3] as? Int) == (name.hasPrefix("stored/") || name.hasPrefix("file-stored/") ? 0 : 8))
                #expect(row[4] as? String == Digest.sha256(content).map { String(format: "%02x", $0) }.joined())
            }
        }
    }

    @Test func fileOutputWritesTheSameBytesAsMemoryOutput() throws {
        let folder = try ZIPFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("file.zip")
        let output = try ZIPFileOutput(creating: url)
        let writer = try ZIPWriter(output: output, modified: ZIPFixtures.referenceTime)
        try writer.addStored(name: "mimetype", data: ZIPFixtures.asicMimetype)
        try writer.addDeflated(name: "a.bin", data: ZIPFixtures.pseudoRandom(count: 100_000))
        try writer.finish(comment: ZIPFixtures.asicComment)
        try output.close()

        let inMemory = try ZIPFixtures.archive(comment: ZIPFixtures.asicComment) { writer in
            try writer.addStored(name: "mimetype", data: ZIPFixtures.asicMimetype)
            try writer.addDeflated(name: "a.bin", data: ZIPFixtures.pseudoRandom(count: 100_000))
        }
        #expect(try Data(contentsOf: url) == inMemory)
        #expect(writer.bytesWritten == UInt64(inMemory.count))
    }

    @Test(arguments: [0, 1, 9])
    func everyCompressionLevelGivesAValidArchive(level: Int) throws {
        let text = Data(String(repeating: "abcdefgh", count: 10_000).utf8)
        let output = ZIPMemoryOutput()
        let writer = try ZIPWriter(output: output, compressionLevel: level)
        try writer.addDeflated(name: "t.txt", data: text)
        try writer.finish()
        let extracted = try ZIPFixtures.withFile(output.data) { file in
            try ZIPFixtures.succeedInfoZIP("unzip", ["-p", file.path, "t.txt"]).stdout
        }
        #expect(extracted == text)
    }
}
