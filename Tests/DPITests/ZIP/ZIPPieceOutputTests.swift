@testable import DPI
import Foundation
import Testing

/// The piece output, which a letter's package is encrypted from, holds exactly the archive the memory output
/// holds, in order, with each large content as a piece of its own (not copied into the gathered bytes).
@Suite struct ZIPPieceOutputTests {
    static func write(to output: any ZIPOutput, large: Data) throws {
        let writer = try ZIPWriter(output: output, modified: ZIPTimestamp(Date(timeIntervalSince1970: 1_700_000_000),
                                                                          in: TimeZone(identifier: "UTC")!))
        try writer.addStored(name: "mimetype", data: ZIPFixtures.asicMimetype)
        try writer.addDeflated(name: "manifest.xml", data: Data("<manifest/>".utf8), level: 0)
        try writer.addDeflated(name: "brev.pdf", data: large, level: 0)
        try writer.addDeflated(name: "vedlegg.txt", data: Data(repeating: 0x41, count: 3_000))
        try writer.addDeflated(name: "stort.pdf", data: large + large, level: 0)
        try writer.finish(comment: ZIPFixtures.asicComment)
    }

    @Test("the pieces are the archive, the large contents separate", arguments: [
        ZIPPieceOutput.separateFrom, 30_000, 70_000,   // one stored block, and a content split over two
    ])
    func piecesAreTheArchive(largeCount: Int) throws {
        let large = ZIPFixtures.pseudoRandom(count: largeCount)
        let memory = ZIPMemoryOutput()
        try Self.write(to: memory, large: large)
        let output = ZIPPieceOutput()
        try Self.write(to: output, large: large)
        let pieces = output.finishedPieces().map { piece in piece.withUnsafeBytes { Data($0) } }

        #expect(pieces.reduce(Data(), +) == memory.data)
        // Stored blocks hold at most 65,535 bytes; each block of a large content big enough is its own piece,
        // in order, and everything else (records, small files, short blocks) is gathered in pieces between.
        let blocks = [large, large + large].flatMap { content in
            stride(from: 0, to: content.count, by: 65_535).map { content[$0..<min($0 + 65_535, content.count)] }
        }
        let expectedSeparate = blocks.filter { $0.count >= ZIPPieceOutput.separateFrom }.map { Data($0) }
        #expect(!expectedSeparate.isEmpty)
        #expect(pieces.filter { $0.count >= ZIPPieceOutput.separateFrom } == expectedSeparate)
        #expect(pieces.count > expectedSeparate.count, "records and small files are gathered between them")
    }
}
