/// One entry of an archive as its central directory describes it; `ZIPReader` checked these values
/// against the local header and the reader's limits before handing it out.
public struct ZIPEntry: Hashable, Sendable {
    /// The entry name (UTF-8, relative, without `..`), e.g. `META-INF/signatures.xml`.
    public let name: String
    /// How the content is stored.
    public let method: ZIPMethod
    /// The general-purpose flags: 0x0800 UTF-8 name, 0x0008 data descriptor follows the content.
    public let flags: UInt16
    /// The CRC-32 of the uncompressed content.
    public let crc32: UInt32
    /// The size of the stored (possibly compressed) content in the archive.
    public let compressedSize: UInt64
    /// The size of the content after extraction.
    public let uncompressedSize: UInt64
    /// Where the entry's local header starts in the archive.
    public let localHeaderOffset: UInt64
    /// The "version needed to extract" field (10 stored, 20 deflate, 45 ZIP64).
    public let versionNeeded: UInt16
    /// The entry's modification time.
    public let modified: ZIPTimestamp
    /// The entry comment from the central directory (decoded as UTF-8), usually empty.
    public let comment: String
    /// Where the content starts in the archive: after the local header, name and extra field.
    let dataOffset: Int

    /// Whether a data descriptor follows the content (general-purpose flag bit 3).
    public var hasDataDescriptor: Bool { flags & ZIPFlag.dataDescriptor != 0 }
}
