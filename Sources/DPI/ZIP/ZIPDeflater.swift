import CZlib
import Foundation

/// Owns a zlib raw-deflate stream (no zlib header, as ZIP wants). One instance is reset and reused
/// for every deflated entry of a writer, which saves zlib's ~270 KB state allocation per entry.
final class ZIPDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    init(level: Int) throws {
        // zlib keeps a pointer back to the z_stream, so it lives at a fixed heap address.
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = shim_deflateInit2_raw(stream, Int32(level))
        guard status == Z_OK else {
            stream.deallocate()
            throw DPIError(.zipCompressionFailure, "zlib could not start a deflate stream (out of memory?)",
                           details: "deflateInit2 returned \(status)", disposition: .abort)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Prepares for a new entry after `finish`.
    func reset() throws {
        try check(deflateReset(stream), "deflateReset")
    }

    /// Compresses `input`, passing every produced compressed chunk to `emit`.
    func compress(_ input: Data, emit: (Data) throws -> Void) throws {
        try input.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return }
            defer { stream.pointee.next_in = nil }
            // avail_in is 32-bit: feed huge inputs in 1 GiB pieces.
            for offset in stride(from: 0, to: raw.count, by: 1 << 30) {
                stream.pointee.next_in = UnsafeMutablePointer(mutating: base + offset)
                stream.pointee.avail_in = UInt32(min(raw.count - offset, 1 << 30))
                while stream.pointee.avail_in > 0 {
                    try run(flush: Z_NO_FLUSH, emit: emit)
                }
            }
        }
    }

    /// Ends the entry's deflate stream, emitting the remaining compressed bytes.
    func finish(emit: (Data) throws -> Void) throws {
        stream.pointee.avail_in = 0
        while try run(flush: Z_FINISH, emit: emit) != Z_STREAM_END {}
    }

    /// One deflate call into the output buffer; returns zlib's status.
    @discardableResult
    private func run(flush: Int32, emit: (Data) throws -> Void) throws -> Int32 {
        let (status, produced) = buffer.withUnsafeMutableBufferPointer { out in
            stream.pointee.next_out = out.baseAddress
            stream.pointee.avail_out = UInt32(out.count)
            let status = deflate(stream, flush)
            stream.pointee.next_out = nil
            return (status, out.count - Int(stream.pointee.avail_out))
        }
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            try check(status, "deflate")
            return status
        }
        if produced > 0 {
            try emit(Data(buffer[0..<produced]))
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
