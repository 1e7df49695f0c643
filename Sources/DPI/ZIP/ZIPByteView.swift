import Foundation

/// Bounds-checked little-endian reads from an archive held in memory. Every read that would leave the
/// data throws `zipTruncated`, so hostile offsets and lengths cannot crash the reader.
struct ZIPByteView {
    let data: Data

    var count: Int { data.count }

    func u16(at offset: Int) throws -> UInt16 {
        UInt16(truncatingIfNeeded: try integer(at: offset, size: 2))
    }

    func u32(at offset: Int) throws -> UInt32 {
        UInt32(truncatingIfNeeded: try integer(at: offset, size: 4))
    }

    func u64(at offset: Int) throws -> UInt64 {
        try integer(at: offset, size: 8)
    }

    private func integer(at offset: Int, size: Int) throws -> UInt64 {
        try slice(at: offset, count: size).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// `count` bytes at `offset`, as a slice sharing the archive's storage.
    func slice(at offset: Int, count: Int) throws -> Data {
        guard offset >= 0, count >= 0, offset <= data.count, count <= data.count - offset else {
            throw DPIError(.zipTruncated, "the archive ends inside a record or entry",
                           details: "wanted \(count) bytes at offset \(offset) of \(data.count)")
        }
        let start = data.startIndex + offset
        return data[start..<start + count]
    }

    /// A 64-bit offset or size from the archive as an in-memory position; values past `Int` cannot fit
    /// in memory anyway, so they mean the archive is truncated.
    static func position(_ value: UInt64, _ what: String) throws -> Int {
        guard let position = Int(exactly: value) else {
            throw DPIError(.zipTruncated, "the archive declares a \(what) beyond its end",
                           details: "\(what) \(value)")
        }
        return position
    }
}
