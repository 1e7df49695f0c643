import DPI
import Foundation
import Testing
import TestSupport

/// `ZIPReader` reads what others write: the official packages, Info-ZIP `zip`, python `zipfile`.
@Suite struct ZIPReaderTests {
    /// Each entry's verified content must equal what `unzip -p` extracts.
    static func expectMatchesUnzip(_ archive: Data, source: SourceLocation = #_sourceLocation) throws {
        let reader = try ZIPReader(data: archive)
        try ZIPFixtures.withFile(archive) { file in
            let names = try ZIPFixtures.succeedInfoZIP("zipinfo", ["-1", file.path]).text.split(separator: "\n")
            #expect(reader.entries.map(\.name) == names.map(String.init), sourceLocation: source)
            for entry in reader.entries {
                let expected = try ZIPFixtures.succeedInfoZIP("unzip", ["-p", file.path, entry.name]).stdout
                #expect(try reader.contents(of: entry) == expected, "\(entry.name)", sourceLocation: source)
            }
        }
    }

    @Test func readsTheOfficialPackagesLikeUnzip() throws {
        for package in try ZIPFixtures.referencePackages {
            let data = try Data(contentsOf: package)
            try Self.expectMatchesUnzip(data)
            let reader = try ZIPReader(data: data)
            #expect(reader.comment == ZIPFixtures.asicComment)
            #expect(reader.entries.first?.name == "mimetype")
            #expect(try reader.contents(named: "mimetype") == ZIPFixtures.asicMimetype)
            #expect(reader.entries.dropFirst().allSatisfy { $0.method == .deflated && $0.hasDataDescriptor })
            #expect(reader.entries.last?.name == "META-INF/manifest.xml")
        }
    }

    @Test func readsWhatItsOwnWriterWrote() throws {
        let package = try ZIPLayoutTests.asicPackage()
        let reader = try ZIPReader(data: package)
        #expect(reader.entries.map(\.name) == ["mimetype", "manifest.xml", "Test.txt", "META-INF/signatures.xml",
                                               "META-INF/manifest.xml"])
        #expect(reader.entries[0].comment == ZIPFixtures.asicComment)
        #expect(reader.entries[0].modified == ZIPFixtures.referenceTime)
        #expect(reader.entries[0].versionNeeded == 10 && reader.entries[1].versionNeeded == 20)
        #expect(try reader.contents(named: "Test.txt") == Data("Test".utf8))
        try Self.expectMatchesUnzip(package)
    }

    @Test(arguments: [["-q"], ["-q", "-0"]])
    func readsArchivesOfTheZipCommand(options: [String]) throws {
        let folder = try ZIPFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ZIPFixtures.pseudoRandom(count: 70_000).write(to: folder.appendingPathComponent("a.bin"))
        try Data(String(repeating: "tekst ", count: 5_000).utf8).write(to: folder.appendingPathComponent("b.txt"))
        try Data().write(to: folder.appendingPathComponent("c.txt"))
        let seekable = folder.appendingPathComponent("seekable.zip").path
        let inputs = ["a.bin", "b.txt", "c.txt"].map { folder.appendingPathComponent($0).path }
        try ZIPFixtures.succeedInfoZIP("zip", options + ["-j", seekable] + inputs)
        try Self.expectMatchesUnzip(try Data(contentsOf: URL(fileURLWithPath: seekable)))
        // Written to a pipe, zip cannot seek back and uses data descriptors.
        let command = (["zip"] + options + ["-j", "-"] + inputs).joined(separator: " ") + " | cat"
        let streamed = try ZIPFixtures.succeedInfoZIP("sh", ["-c", command]).stdout
        let reader = try ZIPReader(data: streamed)
        #expect(reader.entries.contains { $0.hasDataDescriptor })
        try Self.expectMatchesUnzip(streamed)
    }

    @Test func readsArchivesOfPythonZipfile() throws {
        let script = """
            import io, sys, zipfile
            class Unseekable(io.RawIOBase):
                def __init__(self): self.buffer = bytearray()
                def writable(self): return True
                def write(self, b): self.buffer += b; return len(b)
            def build(target, compression):
                with zipfile.ZipFile(target, "w", compression) as z:
                    z.writestr("a.txt", "hei " * 1000)
                    z.writestr("brev-æøå.txt", bytes(range(256)) * 40)
                    z.writestr("tom", b"")
                    with z.open("big64.bin", "w", force_zip64=True) as f:
                        f.write(b"zip64 " * 5000)
            seekable = io.BytesIO(); build(seekable, int(sys.argv[1]))
            unseekable = Unseekable(); build(unseekable, int(sys.argv[1]))
            sys.stdout.buffer.write(len(seekable.getvalue()).to_bytes(4, "little"))
            sys.stdout.buffer.write(seekable.getvalue() + bytes(unseekable.buffer))
            """
        for method in ["0", "8"] {
            let output = try ZIPFixtures.python(script, [method]).stdout
            let split = Int(output.prefix(4).reversed().reduce(0) { $0 << 8 | UInt32($1) })
            let seekable = output.dropFirst(4).prefix(split), unseekable = output.dropFirst(4 + split)
            #expect(try ZIPReader(data: Data(seekable)).entries.allSatisfy { !$0.hasDataDescriptor })
            #expect(try ZIPReader(data: Data(unseekable)).entries.allSatisfy { $0.hasDataDescriptor })
            try Self.expectMatchesUnzip(Data(seekable))
            try Self.expectMatchesUnzip(Data(unseekable))
            let entry = try #require(try ZIPReader(data: Data(seekable)).entry(named: "big64.bin"))
            #expect(entry.method == (method == "0" ? .stored : .deflated))
            let raw = try #require(RawZIP(Data(seekable)).entries.first { $0.name == "big64.bin" })
            #expect(raw.localExtraLength == 20, "python wrote a ZIP64 extra field in the local header")
        }
    }

    @Test func readsFromASliceOfLargerData() throws {
        let package = try ZIPLayoutTests.asicPackage()
        let padded = Data(repeating: 0xAA, count: 100) + package
        let reader = try ZIPReader(data: padded.dropFirst(100))
        #expect(try reader.contents(named: "Test.txt") == Data("Test".utf8))
    }

    @Test func streamsAnEntryInChunks() throws {
        let content = ZIPFixtures.pseudoRandom(count: 500_000)
        let archive = try ZIPFixtures.archive { try $0.addDeflated(name: "big.bin", data: content) }
        let reader = try ZIPReader(data: archive)
        var chunks: [Data] = []
        try reader.extract(reader.entries[0]) { chunks.append($0) }
        #expect(chunks.count > 1)
        #expect(chunks.reduce(Data(), +) == content)
    }
}
