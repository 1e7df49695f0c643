import Foundation

extension ZIPReader {
    /// Reads every central directory header, then checks local headers, names and limits.
    static func readEntries(of directory: Directory, in archive: ZIPByteView, limits: Limits) throws -> [ZIPEntry] {
        guard directory.count <= UInt64(limits.maxEntryCount) else {
            throw DPIError(.zipLimitExceeded, "the archive has more entries than allowed",
                           details: "\(directory.count) entries, limit \(limits.maxEntryCount)")
        }
        // Each header takes at least 46 bytes: a count the directory cannot hold is a lie.
        guard directory.offset <= directory.end, directory.size <= directory.end - directory.offset,
              directory.count <= UInt64(directory.size / 46) else {
            throw DPIError(.zipMalformed, "the central directory does not fit where the end record says",
                           details: "offset \(directory.offset), size \(directory.size), \(directory.count) entries")
        }
        var entries: [ZIPEntry] = []
        entries.reserveCapacity(Int(directory.count))
        var names = Set<String>()
        var position = directory.offset, total: UInt64 = 0
        for _ in 0..<directory.count {
            let (entry, next) = try readCentralHeader(at: position, in: archive, directoryOffset: directory.offset)
            guard next <= directory.offset + directory.size else {
                throw DPIError(.zipMalformed, "a central directory header runs past the directory's end")
            }
            guard names.insert(entry.name).inserted else {
                throw DPIError(.zipDuplicateName, "two entries have the same name",
                               details: "name \(entry.name.debugDescription)")
            }
            total = try checkSize(entry, total: total, limits: limits)
            entries.append(entry)
            position = next
        }
        try checkNoOverlap(entries, directoryOffset: directory.offset)
        return entries
    }

    /// One central directory header (APPNOTE 4.3.12) and the offset of the next.
    private static func readCentralHeader(at offset: Int, in archive: ZIPByteView,
                                          directoryOffset: Int) throws -> (ZIPEntry, Int) {
        guard try archive.u32(at: offset) == ZIPSignature.centralHeader else {
            throw DPIError(.zipMalformed, "a central directory header has a wrong signature",
                           details: "offset \(offset)")
        }
        let flags = try archive.u16(at: offset + 8)
        guard flags & (ZIPFlag.encrypted | ZIPFlag.strongEncryption) == 0 else {
            throw DPIError(.zipEncryptedEntry,
                           "the archive has an encrypted entry; package entries must not be encrypted")
        }
        let rawMethod = try archive.u16(at: offset + 10)
        guard let method = ZIPMethod(rawValue: rawMethod) else {
            throw DPIError(.zipUnsupportedMethod, "an entry uses a compression method other than stored or deflate",
                           details: "method \(rawMethod)")
        }
        let nameLength = Int(try archive.u16(at: offset + 28)), extraLength = Int(try archive.u16(at: offset + 30))
        let commentLength = Int(try archive.u16(at: offset + 32))
        let nameBytes = try archive.slice(at: offset + 46, count: nameLength)
        let name = try ZIPEntryName.decode(nameBytes)
        let extra = try archive.slice(at: offset + 46 + nameLength, count: extraLength)
        let comment = try archive.slice(at: offset + 46 + nameLength + extraLength, count: commentLength)
        var wide = ZIP64Fields(extra: extra)
        let uncompressed = try wide.resolve(archive.u32(at: offset + 24))
        let compressed = try wide.resolve(archive.u32(at: offset + 20))
        let localOffset = try wide.resolve(archive.u32(at: offset + 42))
        guard try archive.u16(at: offset + 34) == 0 else {
            throw DPIError(.zipMalformed, "an entry starts on another volume; multi-volume archives are not supported")
        }
        let dataOffset = try localDataOffset(at: localOffset, name: nameBytes, in: archive, before: directoryOffset)
        let entry = ZIPEntry(
            name: name, method: method, flags: flags, crc32: try archive.u32(at: offset + 16),
            compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: localOffset,
            versionNeeded: try archive.u16(at: offset + 6),
            modified: ZIPTimestamp(dosDate: try archive.u16(at: offset + 14),
                                   dosTime: try archive.u16(at: offset + 12)),
            comment: String(decoding: comment, as: UTF8.self), dataOffset: dataOffset)
        return (entry, offset + 46 + nameLength + extraLength + commentLength)
    }

    /// Checks the local header (APPNOTE 4.3.7) agrees on the name and returns where the content starts.
    private static func localDataOffset(at offset: UInt64, name: Data, in archive: ZIPByteView,
                                        before directoryOffset: Int) throws -> Int {
        let start = try ZIPByteView.position(offset, "local header offset")
        guard start < directoryOffset, try archive.u32(at: start) == ZIPSignature.localHeader else {
            throw DPIError(.zipMalformed, "an entry's local header is missing where the directory points",
                           details: "offset \(offset)")
        }
        let nameLength = Int(try archive.u16(at: start + 26)), extraLength = Int(try archive.u16(at: start + 28))
        guard try archive.slice(at: start + 30, count: nameLength) == name else {
            throw DPIError(.zipMalformed, "an entry's local header names a different file than the directory",
                           details: "offset \(offset)")
        }
        return start + 30 + nameLength + extraLength
    }

    /// Applies the size limits and the stored-size rule; returns the running total.
    private static func checkSize(_ entry: ZIPEntry, total: UInt64, limits: Limits) throws -> UInt64 {
        let (sum, overflow) = total.addingReportingOverflow(entry.uncompressedSize)
        guard entry.uncompressedSize <= limits.maxEntrySize, !overflow, sum <= limits.maxTotalSize else {
            throw DPIError(.zipLimitExceeded, "an entry or the archive is larger uncompressed than allowed",
                           details: "entry \(entry.name.debugDescription): \(entry.uncompressedSize) bytes; limits "
                               + "\(limits.maxEntrySize) per entry, \(limits.maxTotalSize) in total")
        }
        guard entry.method == .deflated || entry.compressedSize == entry.uncompressedSize else {
            throw DPIError(.zipSizeMismatch, "a stored entry declares different compressed and uncompressed sizes",
                           details: "entry \(entry.name.debugDescription)")
        }
        return sum
    }

    /// Each entry's content must end before the next local header (in offset order) or the central
    /// directory: entries sharing bytes are a known zip-bomb trick.
    private static func checkNoOverlap(_ entries: [ZIPEntry], directoryOffset: Int) throws {
        var limit = directoryOffset
        for entry in entries.sorted(by: { $0.localHeaderOffset > $1.localHeaderOffset }) {
            guard entry.dataOffset <= limit, entry.compressedSize <= UInt64(limit - entry.dataOffset) else {
                throw DPIError(.zipMalformed, "an entry's content overlaps the next entry or the central directory",
                               details: "entry \(entry.name.debugDescription) at \(entry.localHeaderOffset)")
            }
            limit = Int(entry.localHeaderOffset)
        }
    }
}

/// The ZIP64 extended information extra field (APPNOTE 4.5.3): 8-byte values for the central directory
/// fields that hold 0xFFFFFFFF, in the order uncompressed size, compressed size, local header offset.
private struct ZIP64Fields {
    private var values: [UInt64] = []
    private var next = 0

    init(extra: Data) {
        let view = ZIPByteView(data: extra)
        var position = 0
        while let id = try? view.u16(at: position), let size = try? view.u16(at: position + 2) {
            if id == ZIPSignature.zip64Extra {
                values = (0..<Int(size) / 8).compactMap { try? view.u64(at: position + 4 + 8 * $0) }
                return
            }
            position += 4 + Int(size)
        }
    }

    /// The 32-bit field's value, or the next ZIP64 value when the field holds the overflow marker.
    mutating func resolve(_ field: UInt32) throws -> UInt64 {
        guard field == ZIPSignature.overflow32 else { return UInt64(field) }
        guard next < values.count else {
            throw DPIError(.zipMalformed, "an entry says its size or offset is in a ZIP64 field it does not have")
        }
        defer { next += 1 }
        return values[next]
    }
}
