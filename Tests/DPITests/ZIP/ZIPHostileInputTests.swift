import DPI
import Foundation
import Testing

/// Broken and hostile archives give a specific `DPIError`, never a crash or a huge allocation.
@Suite struct ZIPHostileInputTests {
    /// Two small entries, stored and deflated; offsets of their central headers are found by `RawZIP`.
    static func sample() throws -> Data {
        try ZIPFixtures.archive(comment: ZIPFixtures.asicComment) { writer in
            try writer.addStored(name: "aa.txt", data: Data("stored content".utf8))
            try writer.addDeflated(name: "bb.txt", data: Data(String(repeating: "deflated ", count: 200).utf8))
        }
    }

    /// Offset of the central directory header of entry `index` in `data`.
    static func centralHeader(_ index: Int, in data: Data) -> Int {
        let bytes = [UInt8](data)
        var position = -1, found = -1
        while found < index {
            position += 1
            if RawZIP.u32(bytes, position) == 0x0201_4B50 { found += 1 }
        }
        return position
    }

    static func expectError(_ code: DPIError.Code, source: SourceLocation = #_sourceLocation,
                            _ body: () throws -> Void) {
        #expect(throws: DPIError.self, sourceLocation: source) { try body() }
        do {
            try body()
        } catch let error as DPIError {
            #expect(error.code == code, "\(error.debugDescription)", sourceLocation: source)
        } catch {
            Issue.record("not a DPIError: \(error)", sourceLocation: source)
        }
    }

    @Test func everyTruncationOfAnOfficialPackageIsReportedAsTruncated() throws {
        let package = try Data(contentsOf: try #require(ZIPFixtures.referencePackages.first))
        for twentieth in 0..<20 {
            let cut = package.prefix(package.count * twentieth / 20)
            Self.expectError(.zipTruncated) { _ = try ZIPReader(data: cut) }
        }
    }

    @Test func dataThatIsNotAZIPIsMalformed() {
        let text = Data(String(repeating: "not a zip ", count: 10).utf8)
        Self.expectError(.zipMalformed) { _ = try ZIPReader(data: text) }
    }

    @Test func aFlippedCRCIsAChecksumMismatch() throws {
        for index in 0..<2 {
            let data = try Self.sample()
            let crcOffset = Self.centralHeader(index, in: data) + 16
            let flipped = RawZIP.patching(data, at: crcOffset, RawZIP.u32([UInt8](data), crcOffset) ^ 1, width: 4)
            let reader = try ZIPReader(data: flipped)
            Self.expectError(.zipChecksumMismatch) { _ = try reader.contents(of: reader.entries[index]) }
        }
    }

    @Test func aChangedStoredByteIsAChecksumMismatch() throws {
        let data = try Self.sample()
        let reader = try ZIPReader(data: ZIPFixtures.replacing("stored content", with: "stored CONTENT", in: data))
        Self.expectError(.zipChecksumMismatch) { _ = try reader.contents(named: "aa.txt") }
    }

    @Test func corruptDeflateDataIsAnError() throws {
        let data = try Self.sample()
        let entry = try ZIPReader(data: data).entries[1]
        var bytes = [UInt8](data)
        for offset in 0..<Int(entry.compressedSize) {
            bytes[Int(entry.localHeaderOffset) + 36 + offset] ^= 0x55
        }
        let reader = try ZIPReader(data: Data(bytes))
        #expect(throws: DPIError.self) { _ = try reader.contents(of: reader.entries[1]) }
    }

    @Test func anUnknownMethodIsUnsupported() throws {
        let data = try Self.sample()
        let bzip2 = RawZIP.patching(data, at: Self.centralHeader(1, in: data) + 10, 12, width: 2)
        Self.expectError(.zipUnsupportedMethod) { _ = try ZIPReader(data: bzip2) }
    }

    @Test func anEncryptedEntryIsRefused() throws {
        let data = try Self.sample()
        let flags = Self.centralHeader(0, in: data) + 8
        let encrypted = RawZIP.patching(data, at: flags, UInt32(RawZIP.u16([UInt8](data), flags) | 1), width: 2)
        Self.expectError(.zipEncryptedEntry) { _ = try ZIPReader(data: encrypted) }
    }

    @Test(arguments: ["../evi", "/etc/x", "a/../b", "C:evil", "a\\bcde"])
    func namesThatLeaveTheFolderAreUnsafe(name: String) throws {
        let placeholder = String(repeating: "x", count: name.utf8.count)
        let data = try ZIPFixtures.archive { try $0.addStored(name: placeholder, data: Data("x".utf8)) }
        let forged = ZIPFixtures.replacing(placeholder, with: name, in: data)
        Self.expectError(.zipUnsafeName) { _ = try ZIPReader(data: forged) }
    }

    @Test func aNameThatIsNotUTF8IsUnsafe() throws {
        let data = try Self.sample()
        let nameOffset = Self.centralHeader(0, in: data) + 46
        let latin = RawZIP.patching(data, at: nameOffset, 0xFF, width: 1)
        Self.expectError(.zipUnsafeName) { _ = try ZIPReader(data: latin) }
    }

    @Test func duplicateNamesAreRefused() throws {
        let data = try Self.sample()
        let twice = ZIPFixtures.replacing("bb.txt", with: "aa.txt", in: data)
        Self.expectError(.zipDuplicateName) { _ = try ZIPReader(data: twice) }
    }

    @Test func aHugeDeclaredSizeHitsTheLimitBeforeAnyAllocation() throws {
        let data = try Self.sample()
        let header = Self.centralHeader(1, in: data)
        let huge = RawZIP.patching(data, at: header + 24, 0xFFFF_FFF0, width: 4)
        Self.expectError(.zipLimitExceeded) { _ = try ZIPReader(data: huge) }
        // With the limit lifted, extraction stops at the real end and reports the size mismatch.
        let lenient = try ZIPReader(data: huge, limits: .init(maxEntrySize: .max, maxTotalSize: .max))
        Self.expectError(.zipSizeMismatch) { _ = try lenient.contents(of: lenient.entries[1]) }
        // A declared size smaller than the content stops inflation early.
        let small = RawZIP.patching(data, at: header + 24, 10, width: 4)
        let reader = try ZIPReader(data: small)
        Self.expectError(.zipSizeMismatch) { _ = try reader.contents(of: reader.entries[1]) }
    }

    @Test func aStoredEntryWithDifferentSizesIsRefused() throws {
        let data = try Self.sample()
        let header = Self.centralHeader(0, in: data)
        let longer = RawZIP.patching(data, at: header + 24, 1_000, width: 4)
        Self.expectError(.zipSizeMismatch) { _ = try ZIPReader(data: longer) }
    }

    @Test func anEntryCountTheDirectoryCannotHoldIsMalformed() throws {
        let data = try Self.sample()
        let end = data.count - 22 - ZIPFixtures.asicComment.utf8.count
        let lying = RawZIP.patching(RawZIP.patching(data, at: end + 8, 9_000, width: 2), at: end + 10, 9_000, width: 2)
        Self.expectError(.zipMalformed) { _ = try ZIPReader(data: lying) }
        Self.expectError(.zipLimitExceeded) { _ = try ZIPReader(data: lying, limits: .init(maxEntryCount: 1)) }
    }

    @Test func aLocalHeaderOffsetPastTheDataIsRefused() throws {
        let data = try Self.sample()
        let outside = RawZIP.patching(data, at: Self.centralHeader(1, in: data) + 42, 0x7FFF_FFF0, width: 4)
        Self.expectError(.zipMalformed) { _ = try ZIPReader(data: outside) }
    }

    @Test func overlappingEntriesAreRefused() throws {
        let data = try Self.sample()
        // Stretch the first (stored) entry so its content would run over the second entry's header.
        let header = Self.centralHeader(0, in: data)
        let stretched = RawZIP.patching(RawZIP.patching(data, at: header + 20, 64, width: 4),
                                        at: header + 24, 64, width: 4)
        Self.expectError(.zipMalformed) { _ = try ZIPReader(data: stretched) }
    }

    @Test func aLocalHeaderOfAnotherEntryIsRefused() throws {
        let data = try Self.sample()
        let misdirected = RawZIP.patching(data, at: Self.centralHeader(1, in: data) + 42, 0, width: 4)
        Self.expectError(.zipMalformed) { _ = try ZIPReader(data: misdirected) }
    }

    @Test func randomMutationsNeverCrash() throws {
        let original = try Self.sample()
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<2_000 {
            var bytes = [UInt8](original)
            for _ in 0...(next() % 4) {
                bytes[next() % bytes.count] = UInt8(truncatingIfNeeded: next())
            }
            do {
                let reader = try ZIPReader(data: Data(bytes))
                for entry in reader.entries {
                    _ = try reader.contents(of: entry)
                }
            } catch is DPIError {
                continue
            }
        }
    }
}
