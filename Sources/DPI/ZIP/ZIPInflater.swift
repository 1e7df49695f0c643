import CZlib
import Foundation

/// Owns a zlib raw-inflate stream for extracting one deflated entry.
final class ZIPInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    init() throws {
        // zlib keeps a pointer back to the z_stream, so it lives at a fixed heap address.
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = shim_inflateInit2_raw(stream)
        guard status == Z_OK else {
            stream.deallocate()
            throw DPIError(.zipCompressionFailure, "zlib could not start an inflate stream (out of memory?)",
                           details: "inflateInit2 returned \(status)", disposition: .abort)
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Inflates the whole raw deflate stream `input`, passing each decompressed chunk to `emit` (which may
    /// throw to stop early, e.g. when more comes out than declared). Returns how many input bytes the
    /// stream used; throws when the stream is corrupt or ends before its final block.
    func decompress(_ input: Data, emit: (Data) throws -> Void) throws -> Int {
        try input.withUnsafeBytes { raw in
            let base = raw.bindMemory(to: UInt8.self).baseAddress
            var offset = 0
            defer { stream.pointee.next_in = nil }
            while true {
                if stream.pointee.avail_in == 0, offset < raw.count, let base {
                    // avail_in is 32-bit: feed huge inputs in 1 GiB pieces.
                    let piece = min(raw.count - offset, 1 << 30)
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: base + offset)
                    stream.pointee.avail_in = UInt32(piece)
                    offset += piece
                }
                let (status, produced) = step()
                if produced > 0 {
                    try emit(Data(buffer[0..<produced]))
                }
                switch status {
                case Z_STREAM_END:
                    return offset - Int(stream.pointee.avail_in)
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.pointee.avail_in == 0 && offset == raw.count:
                    throw DPIError(.zipTruncated, "a deflated entry ends before its last block",
                                   details: "inflate needs more input after \(raw.count) bytes")
                default:
                    throw DPIError(.zipMalformed, "a deflated entry is not a valid deflate stream",
                                   details: "inflate returned \(status)")
                }
            }
        }
    }

    /// One inflate call into the output buffer: zlib's status and how many bytes it produced.
    private func step() -> (Int32, Int) {
        buffer.withUnsafeMutableBufferPointer { out in
            stream.pointee.next_out = out.baseAddress
            stream.pointee.avail_out = UInt32(out.count)
            let status = inflate(stream, Z_NO_FLUSH)
            stream.pointee.next_out = nil
            return (status, out.count - Int(stream.pointee.avail_out))
        }
    }
}
