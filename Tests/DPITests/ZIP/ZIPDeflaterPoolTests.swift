@testable import DPI
import Foundation
import Testing

/// Deflaters outlive their writer in `ZIPDeflaterPool`; a reused one must write exactly what a fresh one does.
@Suite struct ZIPDeflaterPoolTests {
    @Test func aReusedDeflaterWritesTheSameBytesAsAFreshOne() throws {
        let text = Data(String(repeating: "<Reference URI=\"dokument.pdf\"/> ", count: 500).utf8)
        let fresh = try ZIPDeflater(level: 6)
        let pool = ZIPDeflaterPool(limit: 1)
        pool.give(fresh)
        let reused = try pool.take(level: 6)
        #expect(reused === fresh)
        try Self.compress(ZIPFixtures.pseudoRandom(count: 3_000), with: reused)
        try reused.reset()
        #expect(try Self.compress(text, with: reused) == Self.compress(text, with: ZIPDeflater(level: 6)))
    }

    @Test func thePoolKeepsAtMostItsLimitPerLevel() throws {
        let pool = ZIPDeflaterPool(limit: 1)
        pool.give(try ZIPDeflater(level: 6))
        pool.give(try ZIPDeflater(level: 6))
        pool.give(try ZIPDeflater(level: 0))
        #expect(pool.idleCount(level: 6) == 1)
        #expect(pool.idleCount(level: 0) == 1)
        _ = try pool.take(level: 6)
        _ = try pool.take(level: 6)
        #expect(pool.idleCount(level: 6) == 0)
    }

    @Test func archivesWrittenWithPooledDeflatersAreIdentical() throws {
        let build = {
            try ZIPFixtures.archive(comment: ZIPFixtures.asicComment) { writer in
                try writer.addStored(name: "mimetype", data: ZIPFixtures.asicMimetype)
                try writer.addDeflated(name: "manifest.xml", data: Data(String(repeating: "<a>b</a>", count: 300).utf8))
                try writer.addDeflated(name: "doc.pdf", data: ZIPFixtures.pseudoRandom(count: 70_000), level: 0)
            }
        }
        #expect(try build() == build())
    }

    @discardableResult
    private static func compress(_ data: Data, with deflater: ZIPDeflater) throws -> Data {
        var output = Data()
        try deflater.compress(data) { output.append($0) }
        try deflater.finish { output.append($0) }
        return output
    }
}
