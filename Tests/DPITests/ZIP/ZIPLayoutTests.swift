import DPI
import Foundation
import Testing
import TestSupport

/// The byte-level ASiC-E layout of spec 7.1, checked on the raw bytes (not through `ZIPReader`) and
/// compared with the official packages.
@Suite struct ZIPLayoutTests {
    /// A package shaped like the reference ones: mimetype, manifest, document, signatures, container manifest.
    static func asicPackage() throws -> Data {
        try ZIPFixtures.archive(comment: ZIPFixtures.asicComment) { writer in
            try writer.addStored(name: "mimetype", data: ZIPFixtures.asicMimetype, comment: ZIPFixtures.asicComment)
            try writer.addDeflated(name: "manifest.xml", data: Data("<manifest>…</manifest>".utf8))
            try writer.addDeflated(name: "Test.txt", data: Data("Test".utf8))
            try writer.addDeflated(name: "META-INF/signatures.xml", data: Data("<XAdESSignatures/>".utf8))
            try writer.addDeflated(name: "META-INF/manifest.xml", data: Data("<ns1:manifest/>".utf8))
        }
    }

    /// Checks the spec 7.1 properties on a raw archive; used for ours and the reference packages alike.
    static func expectASiCELayout(_ data: Data, source: SourceLocation = #_sourceLocation) {
        let raw = RawZIP(data)
        let bytes = raw.bytes
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04], sourceLocation: source)
        #expect(RawZIP.u16(bytes, 26) == 8 && RawZIP.u16(bytes, 28) == 0, "no extra field", sourceLocation: source)
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype", sourceLocation: source)
        #expect(Data(bytes[38..<69]) == ZIPFixtures.asicMimetype, sourceLocation: source)
        #expect(raw.comment == ZIPFixtures.asicComment, sourceLocation: source)
        let first = raw.entries.first
        #expect(first?.name == "mimetype" && first?.localOffset == 0, sourceLocation: source)
        #expect(first?.method == 0 && first?.localMethod == 0, sourceLocation: source)
        #expect(first?.flags == 0x0800 && first?.localFlags == 0x0800, sourceLocation: source)
        #expect(first?.versionNeeded == 10 && first?.localVersionNeeded == 10, sourceLocation: source)
        #expect(first?.localCRC32 == first?.crc32 && first?.crc32 == 0x45F9_218A, sourceLocation: source)
        for entry in raw.entries.dropFirst() {
            #expect(entry.method == 8 && entry.localMethod == 8, "\(entry.name) deflated", sourceLocation: source)
            #expect(entry.flags == 0x0808 && entry.localFlags == 0x0808, "\(entry.name) flags", sourceLocation: source)
            #expect(entry.versionNeeded == 20 && entry.localVersionNeeded == 20, sourceLocation: source)
            #expect(entry.extraLength == 0 && entry.localExtraLength == 0, sourceLocation: source)
            // The data descriptor (with its optional signature) follows the compressed content.
            let nameLength = entry.name.utf8.count
            let descriptor = entry.localOffset + 30 + nameLength + Int(entry.compressedSize)
            #expect(RawZIP.u32(bytes, descriptor) == 0x0807_4B50, sourceLocation: source)
            #expect(RawZIP.u32(bytes, descriptor + 4) == entry.crc32, sourceLocation: source)
        }
        let names = raw.entries.map(\.name)
        #expect(names.suffix(2) == ["META-INF/signatures.xml", "META-INF/manifest.xml"], sourceLocation: source)
    }

    @Test func ourPackageHasTheReferenceByteLayout() throws {
        Self.expectASiCELayout(try Self.asicPackage())
    }

    @Test func theReferencePackagesHaveTheLayoutWeCheck() throws {
        let packages = try ZIPFixtures.referencePackages
        #expect(packages.count == 4)
        for package in packages {
            Self.expectASiCELayout(try Data(contentsOf: package))
        }
    }

    @Test func zipinfoReportsTheLayout() throws {
        let report = try ZIPFixtures.withFile(try Self.asicPackage()) { file in
            try ZIPFixtures.succeedInfoZIP("zipinfo", ["-v", file.path]).text
        }
        let sections = report.components(separatedBy: "Central directory entry #").dropFirst()
        #expect(sections.count == 5)
        #expect(report.contains("The zipfile comment is 40 bytes long"))
        #expect(report.contains(ZIPFixtures.asicComment))
        let mimetype = try #require(sections.first)
        #expect(mimetype.contains("offset of local header from start of archive:   0\n"))
        #expect(mimetype.contains("minimum software version required to extract:   1.0"))
        #expect(mimetype.contains("compression method:                             none (stored)"))
        #expect(mimetype.contains("extended local header:                          no"))
        #expect(mimetype.contains("length of extra field:                          0 bytes"))
        #expect(mimetype.contains("file last modified on (DOS date/time):          2022 Mar 16 14:16:08"))
        for section in sections.dropFirst() {
            #expect(section.contains("minimum software version required to extract:   2.0"))
            #expect(section.contains("compression method:                             deflated"))
            #expect(section.contains("extended local header:                          yes"))
        }
    }

    @Test func withoutACommentTheArchiveEndsWithTheEndRecord() throws {
        let data = try ZIPFixtures.archive { writer in
            try writer.addStored(name: "mimetype", data: ZIPFixtures.asicMimetype)
        }
        let raw = RawZIP(data)
        #expect(raw.comment.isEmpty)
        #expect(RawZIP.u32(raw.bytes, raw.bytes.count - 22) == 0x0605_4B50)
        #expect(raw.endSignatures == [0x0605_4B50], "no ZIP64 records for a small archive")
    }
}
