import Foundation

/// Deflate's stored blocks (RFC 1951 section 3.2.4), written without zlib: what zlib's level 0 makes, for
/// entries whose bytes are compressed already (PDF, images) and the package's own small XML files.
///
/// Each piece of at most 65,535 bytes gets a 5-byte header (not final, type 00, then LEN and its one's
/// complement) and follows it unchanged, so the content is passed on without being copied through zlib's
/// buffers; `end` is an empty final block that closes the stream after the last piece.
enum ZIPStoredBlocks {
    /// The largest content one stored block holds (LEN is 16 bits).
    static let maxBlock = Int(UInt16.max)

    /// An empty block with the final bit set: the end of a deflate stream of stored blocks.
    static let end = header(length: 0, isFinal: true)

    /// Emits `content` as stored blocks that are not final: each block's header (`emitHeader`) and then
    /// its piece of `content` (`emit`), a slice that shares the content's storage.
    static func encode(_ content: Data, emitHeader: ([UInt8]) throws -> Void, emit: (Data) throws -> Void) throws {
        var start = content.startIndex
        while start < content.endIndex {
            let stop = content.index(start, offsetBy: maxBlock, limitedBy: content.endIndex) ?? content.endIndex
            try emitHeader(header(length: stop - start, isFinal: false))
            try emit(content[start..<stop])
            start = stop
        }
    }

    /// The header of a stored block of `length` bytes: BFINAL and BTYPE 00 in one byte (the rest of it is
    /// padding to the byte boundary), then LEN and NLEN, little-endian.
    private static func header(length: Int, isFinal: Bool) -> [UInt8] {
        let length = UInt16(length)
        return [isFinal ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
    }
}
