import Foundation
import Testing
import TestSupport

@testable import Mailing

@Suite struct ImportCSVReaderTests {
    private func records(_ text: String) throws -> [CSVRecord] {
        try records(Data(text.utf8))
    }

    private func records(_ data: Data) throws -> [CSVRecord] {
        let reader = RecipientCSVReader(data: data)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    @Test(arguments: [
        ("a,b\n1,2\n", [[1: ["a", "b"]], [2: ["1", "2"]]]),
        ("a,b\r\n1,2\r\n", [[1: ["a", "b"]], [2: ["1", "2"]]]),
        ("a,b\n1,2", [[1: ["a", "b"]], [2: ["1", "2"]]]),
        (#""a,b","c""d",""\#n"#, [[1: ["a,b", "c\"d", ""]]]),
        ("a,,b,\n", [[1: ["a", "", "b", ""]]]),
        ("h\n\"x\ny\",z\nlast\n", [[1: ["h"]], [2: ["x\ny", "z"]], [4: ["last"]]]),
        ("h\r\n\"x\r\ny\",z\r\nlast\r\n", [[1: ["h"]], [2: ["x\r\ny", "z"]], [4: ["last"]]]),
        ("h\n\n\r\n   \nlast\n", [[1: ["h"]], [4: ["   "]], [5: ["last"]]]),
        ("\u{FEFF}external_ref,name\n1,Åse\n", [[1: ["external_ref", "name"]], [2: ["1", "Åse"]]]),
        ("old\rmac\r", [[1: ["old"]], [2: ["mac"]]]),
    ])
    func recordsAreSplitAndNumberedByTheLineTheyStartOn(text: String, expected: [[Int: [String]]]) throws {
        let read = try records(text)
        #expect(read.map { [$0.line: $0.fields] } == expected)
        #expect(read.allSatisfy { $0.isValidUTF8 && $0.isWellQuoted })
    }

    @Test func invalidUTF8IsFlaggedOnItsRecordOnly() throws {
        var data = Data("h\n".utf8)
        data += [0x41, 0xFF, 0x42, 0x0A]
        data += Data("ok\n".utf8)
        let read = try records(data)
        #expect(read.map(\.isValidUTF8) == [true, false, true])
        #expect(read[1].fields == ["A\u{FFFD}B"])
    }

    @Test func textAfterAClosingQuoteIsFlagged() throws {
        let read = try records("\"ab\"c,d\nx\"y,z\n")
        #expect(read.map(\.isWellQuoted) == [false, false])
        #expect(read[0].fields == ["abc", "d"])
    }

    @Test func unterminatedQuoteRefusesTheFileNamingTheRecordsFirstLine() throws {
        #expect(throws: ImportError(.unterminatedQuote(line: 2))) { try records("h\n\"open,x\nmore\n") }
    }

    @Test func overlongRecordRefusesTheFile() throws {
        let text = "h\n\"" + String(repeating: "x", count: RecipientCSVReader.maximumRecordBytes) + "\"\n"
        #expect(throws: ImportError(.recordTooLong(line: 2, limit: RecipientCSVReader.maximumRecordBytes))) {
            try records(text)
        }
    }

    @Test func fileReadInChunksGivesTheSameRecordsAsMemory() throws {
        // Quotes, CRLFs and multi-byte characters fall across the 64 KiB chunk boundaries somewhere.
        var text = "\u{FEFF}external_ref,note\r\n"
        for index in 0..<8_000 {
            text += index % 3 == 0 ? "\(index),\"line one\r\nline \"\"two\"\" æøå\"\r\n" : "\(index),plain ø\n"
        }
        try TemporaryDirectory.with(prefix: "csv") { folder in
            let file = folder.appendingPathComponent("r.csv")
            try Data(text.utf8).write(to: file)
            let reader = try RecipientCSVReader(file: file)
            var fromFile: [CSVRecord] = []
            while let record = try reader.next() { fromFile.append(record) }
            let fromMemory = try records(text)
            #expect(fromFile.count == 8_001)
            #expect(fromFile == fromMemory)
            #expect(fromFile[1].fields[1] == "line one\r\nline \"two\" æøå")
            #expect(fromFile.last?.line == 8_000 + 8_000 / 3 + 2)
        }
    }

    @Test func missingFileOrAFolderIsUnreadable() throws {
        #expect(throws: ImportError(.unreadableFile(path: "/nonexistent/r.csv"))) {
            try RecipientCSVReader(file: URL(fileURLWithPath: "/nonexistent/r.csv"))
        }
        try TemporaryDirectory.with(prefix: "csv") { folder -> Void in
            #expect(throws: ImportError(.unreadableFile(path: folder.path))) {
                _ = try RecipientCSVReader(file: folder).next()
            }
        }
    }
}
