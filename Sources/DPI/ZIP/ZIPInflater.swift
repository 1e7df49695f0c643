import CZlib
import Foundation

/// A zlib raw-inflate stream for extracting one deflated entry.
final class ZIPInflater {
    private let stream: ZIPZStream

    init() throws {
        stream = try ZIPZStream("inflate", start: { shim_inflateInit2_raw($0) }, end: { inflateEnd($0) })
    }

    /// Inflates the whole raw deflate stream `input`, passing each decompressed chunk to `emit` (which may
    /// throw to stop early, e.g. when more comes out than declared). Returns how many input bytes the
    /// stream used; throws when the stream is corrupt or ends before its final block.
    func decompress(_ input: Data, emit: (Data) throws -> Void) throws -> Int {
        try stream.withInput(input) { feed in
            var offset = 0
            while true {
                if stream.pendingInput == 0 {
                    offset += feed(offset)
                }
                let (status, output) = stream.step { inflate($0, Z_NO_FLUSH) }
                if !output.isEmpty {
                    try emit(output)
                }
                switch status {
                case Z_STREAM_END:
                    return offset - stream.pendingInput
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.pendingInput == 0 && offset == input.count:
                    throw DPIError(.zipTruncated, "a deflated entry ends before its last block",
                                   details: "inflate needs more input after \(input.count) bytes")
                default:
                    throw DPIError(.zipMalformed, "a deflated entry is not a valid deflate stream",
                                   details: "inflate returned \(status)")
                }
            }
        }
    }
}
