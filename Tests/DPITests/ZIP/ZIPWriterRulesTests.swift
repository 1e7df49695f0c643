import DPI
import Foundation
import Testing

/// The writer refuses what would make a bad or ambiguous archive, and is deterministic.
@Suite struct ZIPWriterRulesTests {
    static func code(of body: () throws -> Void) -> DPIError.Code? {
        do {
            try body()
            return nil
        } catch {
            return (error as? DPIError)?.code
        }
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let build = {
            try ZIPFixtures.archive(comment: ZIPFixtures.asicComment) { writer in
                try writer.addStored(name: "mimetype", data: ZIPFixtures.asicMimetype)
                try writer.addDeflated(name: "doc.pdf", data: ZIPFixtures.pseudoRandom(count: 50_000))
            }
        }
        #expect(try build() == build())
    }

    @Test func aPerEntryLevelOverridesTheWritersLevel() throws {
        let text = Data(String(repeating: "abc ", count: 10_000).utf8)
        let archive = try ZIPFixtures.archive { writer in
            try writer.addDeflated(name: "default.txt", data: text)
            try writer.addDeflated(name: "level0.txt", data: text, level: 0)
            try writer.addDeflated(name: "again.txt", data: text)
        }
        let entries = try ZIPReader(data: archive).entries
        #expect(entries.map(\.method) == [.deflated, .deflated, .deflated])
        #expect(entries[0].compressedSize * 50 < entries[0].uncompressedSize)
        #expect(entries[1].compressedSize >= entries[1].uncompressedSize)
        #expect(entries[2].compressedSize == entries[0].compressedSize, "the writer's level applies again")
        #expect(try ZIPReader(data: archive).contents(named: "level0.txt") == text)
        #expect(Self.code { _ = try ZIPFixtures.archive { try $0.addDeflated(name: "x", data: text, level: 10) } }
            == .zipWriterMisuse)
    }

    @Test func theTimestampIsStampedOnEveryEntry() throws {
        let stamp = ZIPTimestamp(Date(timeIntervalSince1970: 1_700_000_000), in: TimeZone(identifier: "UTC")!)
        #expect(stamp.components.year == 2023 && stamp.components.month == 11 && stamp.components.day == 14)
        #expect(stamp.components.hour == 22 && stamp.components.minute == 13 && stamp.components.second == 20)
        let output = ZIPMemoryOutput()
        let writer = try ZIPWriter(output: output, modified: stamp)
        try writer.addStored(name: "a", data: Data())
        try writer.addDeflated(name: "b", data: Data())
        try writer.finish()
        #expect(try ZIPReader(data: output.data).entries.allSatisfy { $0.modified == stamp })
    }

    @Test func datesOutsideTheDOSRangeAreClamped() {
        let early = ZIPTimestamp(Date(timeIntervalSince1970: 0), in: TimeZone(identifier: "UTC")!)
        let late = ZIPTimestamp(Date(timeIntervalSince1970: 5_000_000_000), in: TimeZone(identifier: "UTC")!)
        #expect(early.components.year == 1980 && early.components.month == 1 && early.components.day == 1)
        #expect(late.components.year == 2107 && late.components.month == 12 && late.components.second == 58)
    }

    @Test("the DOS fields are the wall-clock time Foundation's calendar gives in the time zone", arguments: [
        "UTC", "Europe/Oslo", "America/St_Johns", "Asia/Kathmandu", "Pacific/Kiritimati", "America/Los_Angeles",
    ])
    func timestampsAreTheCalendarsWallClockTime(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // Around DST changes, month and year ends, leap days, and fractions of a second both ways.
        let instants: [TimeInterval] = [316_000_000, 951_782_399.999, 1_711_846_799.5, 1_711_846_800.25,
                                        1_729_990_799, 1_729_994_400.75, 1_767_225_599.999, 1_782_864_000,
                                        4_354_000_000]
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let stamp = ZIPTimestamp(date, in: timeZone).components
            #expect([stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute]
                    == [parts.year, parts.month, parts.day, parts.hour, parts.minute], "\(zone) \(instant)")
            #expect(stamp.second == parts.second.map { $0 / 2 * 2 }, "\(zone) \(instant)")
        }
    }

    @Test func duplicateAndUnsafeNamesAreRefusedBeforeWriting() throws {
        let output = ZIPMemoryOutput()
        let writer = try ZIPWriter(output: output)
        try writer.addStored(name: "a.txt", data: Data("1".utf8))
        let written = writer.bytesWritten
        #expect(Self.code { try writer.addDeflated(name: "a.txt", data: Data()) } == .zipDuplicateName)
        for name in ["", "../evil", "/abs", "a/./b", "a\\b", "C:x", "nul\0"] {
            #expect(Self.code { try writer.addStored(name: name, data: Data()) } == .zipUnsafeName, "\(name)")
        }
        #expect(writer.bytesWritten == written)
        try writer.addStored(name: "b.txt", data: Data("2".utf8))
        try writer.finish()
        #expect(try ZIPReader(data: output.data).entries.map(\.name) == ["a.txt", "b.txt"])
    }

    @Test func misuseIsAnAbortingError() throws {
        #expect(Self.code { _ = try ZIPWriter(output: ZIPMemoryOutput(), compressionLevel: 10) } == .zipWriterMisuse)
        let writer = try ZIPWriter(output: ZIPMemoryOutput())
        try writer.finish()
        #expect(Self.code { try writer.addStored(name: "late", data: Data()) } == .zipWriterMisuse)
        #expect {
            try writer.finish()
        } throws: { error in
            (error as? DPIError)?.code == .zipWriterMisuse && (error as? DPIError)?.disposition == .abort
        }
        let tooLong = String(repeating: "k", count: 70_000)
        #expect(Self.code { try ZIPWriter(output: ZIPMemoryOutput()).finish(comment: tooLong) } == .zipWriterMisuse)
    }

    @Test func aFailingChunkSourceStopsTheWriter() throws {
        struct SourceFailure: Error {}
        let writer = try ZIPWriter(output: ZIPMemoryOutput())
        #expect(throws: SourceFailure.self) {
            try writer.addDeflated(name: "broken") { throw SourceFailure() }
        }
        #expect(Self.code { try writer.addStored(name: "next", data: Data()) } == .zipWriterMisuse)
    }

    @Test func aMissingInputFileIsAnIOFailure() throws {
        let writer = try ZIPWriter(output: ZIPMemoryOutput())
        let missing = URL(fileURLWithPath: "/nonexistent/dpi-zip-input.pdf")
        #expect(Self.code { try writer.addDeflated(name: "x.pdf", contentsOf: missing) } == .zipIOFailure)
        #expect(Self.code { _ = try ZIPFileOutput(creating: URL(fileURLWithPath: "/nonexistent/out.zip")) }
                    == .zipIOFailure)
    }
}
