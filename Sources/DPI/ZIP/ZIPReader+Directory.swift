import Foundation

extension ZIPReader {
    /// Where the central directory is, from the end records.
    struct Directory {
        let offset: Int
        let size: Int
        let count: UInt64
        /// Where the end records start: the central directory must end before this.
        let end: Int
        let comment: Data
    }

    /// Finds the end of central directory record (APPNOTE 4.3.16), and the ZIP64 end record through its
    /// locator (4.3.14–15) when there is one.
    static func locateDirectory(in archive: ZIPByteView) throws -> Directory {
        let endOffset = try findEndRecord(in: archive)
        guard try archive.u16(at: endOffset + 4) == 0, try archive.u16(at: endOffset + 6) == 0,
              try archive.u16(at: endOffset + 8) == archive.u16(at: endOffset + 10) else {
            throw DPIError(.zipMalformed, "multi-volume archives are not supported; send a single-file ZIP")
        }
        let comment = try archive.slice(at: endOffset + 22, count: Int(archive.u16(at: endOffset + 20)))
        let locatorOffset = endOffset - 20
        guard locatorOffset >= 0, try archive.u32(at: locatorOffset) == ZIPSignature.zip64Locator else {
            return Directory(offset: Int(try archive.u32(at: endOffset + 16)),
                             size: Int(try archive.u32(at: endOffset + 12)),
                             count: UInt64(try archive.u16(at: endOffset + 10)), end: endOffset, comment: comment)
        }
        let zip64Offset = try ZIPByteView.position(archive.u64(at: locatorOffset + 8), "ZIP64 end record offset")
        guard zip64Offset <= locatorOffset - 56, try archive.u32(at: zip64Offset) == ZIPSignature.zip64End else {
            throw DPIError(.zipMalformed, "the ZIP64 end record is missing where its locator points",
                           details: "offset \(zip64Offset)")
        }
        guard try archive.u32(at: zip64Offset + 16) == 0, try archive.u32(at: zip64Offset + 20) == 0 else {
            throw DPIError(.zipMalformed, "multi-volume archives are not supported; send a single-file ZIP")
        }
        return Directory(offset: try ZIPByteView.position(archive.u64(at: zip64Offset + 48), "directory offset"),
                         size: try ZIPByteView.position(archive.u64(at: zip64Offset + 40), "directory size"),
                         count: try archive.u64(at: zip64Offset + 32), end: zip64Offset, comment: comment)
    }

    /// The offset of the end record: the last signature whose comment reaches exactly to the end.
    private static func findEndRecord(in archive: ZIPByteView) throws -> Int {
        let startsLikeZIP = (try? archive.u32(at: 0)) == ZIPSignature.localHeader
        guard archive.count >= 22 else {
            throw DPIError(.zipTruncated, "the archive is too short to be a ZIP (cut off?)",
                           details: "\(archive.count) bytes")
        }
        for offset in stride(from: archive.count - 22, through: max(0, archive.count - 22 - 0xFFFF), by: -1)
        where try archive.u32(at: offset) == ZIPSignature.end {
            if try Int(archive.u16(at: offset + 20)) == archive.count - offset - 22 {
                return offset
            }
        }
        if startsLikeZIP {
            throw DPIError(.zipTruncated, "the archive has no end of central directory record: it was cut off",
                           details: "\(archive.count) bytes")
        }
        throw DPIError(.zipMalformed, "the data is not a ZIP archive (no end of central directory record)",
                       details: "\(archive.count) bytes")
    }
}
