import CZlib
import Foundation

/// Owns one zlib `z_stream` for `ZIPDeflater` or `ZIPInflater`: allocation, end, input and output
/// buffers. All pointer handling of the ZIP code sits here.
final class ZIPZStream {
    typealias Operation = (UnsafeMutablePointer<z_stream>) -> Int32

    /// zlib's `avail_in` is 32-bit: inputs are fed in pieces of at most this size.
    static let maxPiece = 1 << 30

    private let stream: UnsafeMutablePointer<z_stream>
    private let end: Operation
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Starts a stream with `start` (deflateInit2/inflateInit2); `end` frees zlib's state in deinit.
    init(_ name: String, start: Operation, end: @escaping Operation) throws {
        // zlib keeps a pointer back to the z_stream, so it lives at a fixed heap address.
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = start(stream)
        guard status == Z_OK else {
            stream.deallocate()
            throw DPIError(.zipCompressionFailure, "zlib could not start a \(name) stream (out of memory?)",
                           details: "status \(status)", disposition: .abort)
        }
        self.end = end
    }

    deinit {
        _ = end(stream)
        stream.deallocate()
    }

    /// Input bytes zlib has not consumed yet.
    var pendingInput: Int { Int(stream.pointee.avail_in) }

    /// Runs `body` with `input` readable by zlib; `feed(offset)` points zlib at the next piece from
    /// `offset` and returns its length. The input pointer never outlives `body`.
    func withInput<R>(_ input: Data, _ body: (_ feed: (Int) -> Int) throws -> R) rethrows -> R {
        try input.withUnsafeBytes { raw in
            defer {
                stream.pointee.next_in = nil
                stream.pointee.avail_in = 0
            }
            return try body { offset in
                guard let base = raw.bindMemory(to: UInt8.self).baseAddress, offset < raw.count else { return 0 }
                let piece = min(raw.count - offset, Self.maxPiece)
                stream.pointee.next_in = UnsafeMutablePointer(mutating: base + offset)
                stream.pointee.avail_in = UInt32(piece)
                return piece
            }
        }
    }

    /// One `deflate`/`inflate` call into the output buffer: zlib's status and the bytes it produced.
    func step(_ operation: Operation) -> (status: Int32, output: Data) {
        buffer.withUnsafeMutableBufferPointer { out in
            stream.pointee.next_out = out.baseAddress
            stream.pointee.avail_out = UInt32(out.count)
            defer { stream.pointee.next_out = nil }
            let status = operation(stream)
            let produced = out.count - Int(stream.pointee.avail_out)
            return (status, Data(out[0..<produced]))
        }
    }

    /// Runs a call on the stream outside of input and output, such as `deflateReset`.
    func call(_ operation: Operation) -> Int32 {
        operation(stream)
    }
}
