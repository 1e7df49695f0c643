import CZlib
import Foundation

/// A zlib raw-deflate stream (no zlib header, as ZIP wants). One instance is reset and reused for
/// every deflated entry of a writer, and kept in `ZIPDeflaterPool` between writers, which saves zlib's
/// ~270 KB state allocation per entry.
///
/// `@unchecked Sendable` so the pool can hand it from one worker to the next: only the writer that took
/// it from the pool uses it, until it gives it back under the pool's lock.
final class ZIPDeflater: @unchecked Sendable {
    /// zlib's compression level (0...9) of this stream.
    let level: Int
    private let stream: ZIPZStream

    init(level: Int) throws {
        self.level = level
        stream = try ZIPZStream("deflate", start: { shim_deflateInit2_raw($0, Int32(level)) }, end: { deflateEnd($0) })
    }

    /// Prepares for a new entry after `finish`.
    func reset() throws {
        try check(stream.call { deflateReset($0) }, "deflateReset")
    }

    /// Compresses `input`, passing every produced compressed chunk to `emit`.
    func compress(_ input: Data, emit: (Data) throws -> Void) throws {
        try stream.withInput(input) { feed in
            var offset = 0
            while case let piece = feed(offset), piece > 0 {
                offset += piece
                while stream.pendingInput > 0 {
                    try run(flush: Z_NO_FLUSH, emit: emit)
                }
            }
        }
    }

    /// Ends the entry's deflate stream, emitting the remaining compressed bytes.
    func finish(emit: (Data) throws -> Void) throws {
        while try run(flush: Z_FINISH, emit: emit) != Z_STREAM_END {}
    }

    /// One deflate call; returns zlib's status.
    @discardableResult
    private func run(flush: Int32, emit: (Data) throws -> Void) throws -> Int32 {
        let (status, output) = stream.step { deflate($0, flush) }
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            try check(status, "deflate")
            return status
        }
        if !output.isEmpty {
            try emit(output)
        }
        return status
    }

    private func check(_ status: Int32, _ call: String) throws {
        guard status == Z_OK else {
            throw DPIError(.zipCompressionFailure, "zlib failed while compressing an entry",
                           details: "\(call) returned \(status)", disposition: .abort)
        }
    }
}
