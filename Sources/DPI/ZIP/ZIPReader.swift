public import Foundation

/// Reads a ZIP archive held in memory through its central directory, and extracts entries with their
/// CRC-32 and sizes verified. Used to check received ASiC-E packages, so it treats its input as hostile:
/// every offset and length is bounds-checked, sizes are capped by `Limits`, and anything unusual
/// (encryption, other methods, unsafe or duplicate names, overlapping entries) is a `DPIError`.
public struct ZIPReader: Sendable {
    /// Caps that keep a hostile archive from exhausting memory or time.
    public struct Limits: Sendable {
        /// Most entries accepted. An ASiC-E package has at most ~205 (200 attachments).
        public var maxEntryCount: Int
        /// Largest uncompressed size of one entry.
        public var maxEntrySize: UInt64
        /// Largest sum of all entries' uncompressed sizes.
        public var maxTotalSize: UInt64

        /// Defaults sized for DPI packages (50 MB limit on the encrypted package): 10 000 entries,
        /// 256 MiB per entry, 1 GiB in total.
        public init(maxEntryCount: Int = 10_000, maxEntrySize: UInt64 = 256 << 20, maxTotalSize: UInt64 = 1 << 30) {
            self.maxEntryCount = maxEntryCount
            self.maxEntrySize = maxEntrySize
            self.maxTotalSize = maxTotalSize
        }
    }

    let archive: ZIPByteView
    /// The entries in central directory order.
    public let entries: [ZIPEntry]
    /// The archive comment (decoded as UTF-8); ASiC-E packages from the reference carry
    /// `mimetype=application/vnd.etsi.asic-e+zip`.
    public let comment: String

    /// Parses the end records and central directory of `data` and checks every entry's local header.
    /// Throws `DPIError` (`zipTruncated`, `zipMalformed`, `zipUnsupportedMethod`, `zipEncryptedEntry`,
    /// `zipUnsafeName`, `zipDuplicateName`, `zipLimitExceeded`, …) for anything it cannot trust.
    public init(data: Data, limits: Limits = Limits()) throws {
        archive = ZIPByteView(data: data)
        let directory = try Self.locateDirectory(in: archive)
        comment = String(decoding: directory.comment, as: UTF8.self)
        entries = try Self.readEntries(of: directory, in: archive, limits: limits)
    }

    /// The entry called `name`, if there is one.
    public func entry(named name: String) -> ZIPEntry? {
        entries.first { $0.name == name }
    }

    /// The content of the entry called `name`, verified. Throws `zipMissingEntry` if there is none.
    public func contents(named name: String) throws -> Data {
        guard let entry = entry(named: name) else {
            throw DPIError(.zipMissingEntry, "the archive has no entry with the expected name",
                           details: "name \(name.debugDescription)")
        }
        return try contents(of: entry)
    }

    /// The content of `entry`, after checking its size and CRC-32.
    public func contents(of entry: ZIPEntry) throws -> Data {
        var content = Data()
        content.reserveCapacity(Int(min(entry.uncompressedSize, 16 << 20)))
        try extract(entry) { content.append($0) }
        return content
    }

    /// Passes the content of `entry` to `consume` in chunks (for entries too big to hold), then checks
    /// its size and CRC-32; on a mismatch it throws after the chunks were passed, so the consumer must
    /// discard what it got when this throws.
    public func extract(_ entry: ZIPEntry, into consume: (Data) throws -> Void) throws {
        let stored = try archive.slice(at: entry.dataOffset, count: ZIPByteView.position(entry.compressedSize, "size"))
        var checksum = ZIPChecksum()
        var produced: UInt64 = 0
        func accept(_ chunk: Data) throws {
            produced += UInt64(chunk.count)
            guard produced <= entry.uncompressedSize else {
                throw Self.sizeMismatch(entry, "more than its declared size")
            }
            checksum.update(chunk)
            try consume(chunk)
        }
        switch entry.method {
        case .stored:
            try accept(stored)
        case .deflated:
            let used = try ZIPInflater().decompress(stored, emit: accept)
            guard used == stored.count else {
                throw Self.sizeMismatch(entry, "a deflate stream shorter than its compressed size")
            }
        }
        guard produced == entry.uncompressedSize else {
            throw Self.sizeMismatch(entry, "less than its declared size")
        }
        guard checksum.value == entry.crc32 else {
            throw DPIError(.zipChecksumMismatch, "an entry's content does not match its CRC-32; the archive is corrupt",
                           details: "entry \(entry.name.debugDescription): CRC \(String(checksum.value, radix: 16)), "
                               + "declared \(String(entry.crc32, radix: 16))")
        }
    }

    private static func sizeMismatch(_ entry: ZIPEntry, _ what: String) -> DPIError {
        DPIError(.zipSizeMismatch, "an entry's content has \(what); the archive is corrupt",
                 details: "entry \(entry.name.debugDescription), declared \(entry.compressedSize) compressed, "
                     + "\(entry.uncompressedSize) uncompressed bytes")
    }
}
