import DPI
import Foundation
import Testing
import TestSupport

/// ZIP64: extra fields, the ZIP64 end record and locator, checked with unzip, python and our reader.
@Suite struct ZIP64Tests {
    static let zip64End: UInt32 = 0x0606_4B50, zip64Locator: UInt32 = 0x0706_4B50, end: UInt32 = 0x0605_4B50

    /// Unzip and python must both accept the archive and extract `expected` exactly.
    static func expectToolsAccept(_ archive: Data, _ expected: [String: Data],
                                  source: SourceLocation = #_sourceLocation) throws {
        try ZIPFixtures.withFile(archive) { file in
            let test = try ZIPFixtures.infoZIP("unzip", ["-tq", file.path])
            #expect(test.status == 0, "unzip -t: \(test.text) \(test.stderr)", sourceLocation: source)
            for (name, content) in expected {
                #expect(try ZIPFixtures.succeedInfoZIP("unzip", ["-p", file.path, name]).stdout == content,
                        sourceLocation: source)
            }
            let script = """
                import sys, zipfile
                z = zipfile.ZipFile(sys.argv[1])
                assert z.testzip() is None
                print(len(z.infolist()))
                """
            let count = try ZIPFixtures.python(script, [file.path]).text
            #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == String(expected.count),
                    sourceLocation: source)
        }
    }

    @Test func forcedZIP64RecordsAreReadByUnzipPythonAndOurReader() throws {
        let content = ZIPFixtures.pseudoRandom(count: 20_000)
        let text = Data(String(repeating: "zip64 ", count: 3_000).utf8)
        let archive = try ZIPFixtures.archive(comment: "c", zip64: .always) { writer in
            try writer.addStored(name: "mimetype", data: ZIPFixtures.asicMimetype)
            try writer.addDeflated(name: "text.txt", data: text)
            var once: Data? = content
            try writer.addStored(name: "streamed.bin") { defer { once = nil }; return once }
            try writer.addDeflated(name: "empty.txt", data: Data())
        }
        let raw = RawZIP(archive)
        #expect(raw.endSignatures == [Self.zip64End, Self.zip64Locator, Self.end])
        let endRecord = archive.count - 22 - 1
        #expect(RawZIP.u16(raw.bytes, endRecord + 10) == 0xFFFF)
        #expect(RawZIP.u32(raw.bytes, endRecord + 12) == 0xFFFF_FFFF)
        #expect(RawZIP.u32(raw.bytes, endRecord + 16) == 0xFFFF_FFFF)
        // Every entry has ZIP64 extras: all three values centrally, both sizes locally; version 4.5 everywhere.
        #expect(raw.entries.count == 4)
        #expect(raw.entries.allSatisfy { $0.extraLength == 28 && $0.localExtraLength == 20 })
        #expect(raw.entries.allSatisfy { $0.versionNeeded == 45 && $0.localVersionNeeded == 45 })

        let reader = try ZIPReader(data: archive)
        #expect(reader.entries.map(\.versionNeeded) == [45, 45, 45, 45])
        #expect(reader.entries.map(\.localHeaderOffset).first == 0)
        #expect(try reader.contents(named: "text.txt") == text)
        #expect(try reader.contents(named: "streamed.bin") == content)
        #expect(try reader.contents(named: "empty.txt").isEmpty)
        #expect(reader.comment == "c")
        try Self.expectToolsAccept(archive, ["mimetype": ZIPFixtures.asicMimetype, "text.txt": text,
                                             "streamed.bin": content, "empty.txt": Data()])
    }

    @Test func moreThan65534EntriesGetZIP64EndRecords() throws {
        let count = 65_536
        let archive = try ZIPFixtures.archive { writer in
            for index in 0..<count {
                try writer.addStored(name: String(format: "e%05d", index), data: Data([UInt8(index & 0xFF)]))
            }
        }
        #expect(RawZIP(archive).endSignatures == [Self.zip64End, Self.zip64Locator, Self.end])
        let reader = try ZIPReader(data: archive, limits: .init(maxEntryCount: count))
        #expect(reader.entries.count == count)
        #expect(try reader.contents(named: "e65535") == Data([0xFF]))
        let python = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1]); names = z.namelist()
            print(len(names), names[-1], z.read(names[-1])[0])
            """
        let report = try ZIPFixtures.withFile(archive) { file in
            let test = try ZIPFixtures.infoZIP("unzip", ["-tq", file.path])
            #expect(test.status == 0, "unzip -t: \(test.text) \(test.stderr)")
            return try ZIPFixtures.python(python, [file.path]).text
        }
        #expect(report == "65536 e65535 255\n")
        Self.expectLimit { _ = try ZIPReader(data: archive) }
    }

    /// Deflating and checking 4 GiB of zeros takes ~30 s on the 2-core machines (zlib alone ~9 s at level 1),
    /// too slow for every run: opt in with DPI_TEST_LARGE_ZIP64=1. The forced-ZIP64 test covers the records.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DPI_TEST_LARGE_ZIP64"] == "1",
                   "set DPI_TEST_LARGE_ZIP64=1 to run the 4 GiB entry test (~30 s)"))
    func anEntryOver4GiBGetsZIP64SizesAndStaysSmallInMemory() throws {
        let chunk = Data(count: 16 << 20), chunks = 257  // 4 GiB + 16 MiB of zeros
        let folder = try ZIPFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.zip")
        let output = try ZIPFileOutput(creating: file)
        let writer = try ZIPWriter(output: output, modified: ZIPFixtures.referenceTime, compressionLevel: 1)
        try writer.addStored(name: "mimetype", data: ZIPFixtures.asicMimetype)
        var remaining = chunks
        try writer.addDeflated(name: "zeros.bin") {
            guard remaining > 0 else { return nil }
            remaining -= 1
            return chunk
        }
        try writer.finish()
        try output.close()

        let archive = try Data(contentsOf: file)
        let size = UInt64(chunk.count * chunks)
        let raw = RawZIP(archive)
        let zeros = try #require(raw.entries.last)
        #expect(zeros.uncompressedSize == 0xFFFF_FFFF && zeros.extraLength == 12, "ZIP64 extra with the size")
        #expect(zeros.versionNeeded == 45)
        let reader = try ZIPReader(data: archive, limits: .init(maxEntrySize: .max, maxTotalSize: .max))
        #expect(reader.entries.last?.uncompressedSize == size)
        var extracted: UInt64 = 0
        try reader.extract(try #require(reader.entries.last)) { extracted += UInt64($0.count) }
        #expect(extracted == size)
        let test = try ZIPFixtures.infoZIP("unzip", ["-tq", file.path])
        #expect(test.status == 0, "unzip -t: \(test.text) \(test.stderr)")
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #expect(usage.ru_maxrss < 1 << 20, "peak memory stayed under 1 GiB (ru_maxrss is in KiB)")
    }

    static func expectLimit(_ body: () throws -> Void) {
        #expect {
            try body()
        } throws: { error in
            (error as? DPIError)?.code == .zipLimitExceeded
        }
    }
}
