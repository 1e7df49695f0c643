public import Foundation

/// Writes a ZIP archive front to back into a `ZIPOutput`, entry by entry, never seeking back.
///
/// Built for ASiC-E (spec 7.1): `addStored` writes an entry with its sizes in the local header and no
/// extra field or data descriptor (so `mimetype` added first has its name at byte 30 and content at
/// byte 38), deflated entries carry a data descriptor like the reference packages, every entry has the
/// UTF-8 flag, and all entries share one caller-given timestamp so equal input gives equal bytes.
/// Streaming variants take content in chunks, so a 50 MB document is never held whole by the writer.
/// ZIP64 records appear when an entry or the archive passes 4 GiB − 1 or there are over 65534 entries.
/// Not thread-safe: one writer belongs to one worker.
public final class ZIPWriter {
    /// When to write ZIP64 extra fields and end records.
    public enum ZIP64Mode: Sendable {
        /// Only where a size, offset or count does not fit the classic fields (the normal choice).
        case asNeeded
        /// On every entry and the archive end, even when small: for testing readers' ZIP64 paths.
        case always
    }

    private enum State {
        case open, finished, failed
    }

    private let output: any ZIPOutput
    let modified: ZIPTimestamp
    let zip64Mode: ZIP64Mode
    private let compressionLevel: Int
    /// One deflater per level used, reset and reused between entries, from and back to the shared pool.
    private var deflaters: [Int: ZIPDeflater] = [:]
    /// The names added so far, room made for a package's handful at once (growing a set from empty reallocated it on
    /// every second entry).
    private var names = Set<String>(minimumCapacity: 8)
    private var state = State.open
    private(set) var records: [ZIPWriter.Record] = []

    /// How many archive bytes have been written so far (the offset of the next record).
    public private(set) var bytesWritten: UInt64 = 0

    /// A writer into `output`. `modified` is stamped on every entry (default: now); `compressionLevel`
    /// is zlib's 0 (none) to 9 (smallest), 6 by default, 1 for speed. Throws `zipWriterMisuse` for a
    /// level outside 0...9.
    public init(output: any ZIPOutput, modified: ZIPTimestamp = .now, compressionLevel: Int = 6,
                zip64: ZIP64Mode = .asNeeded) throws {
        try Self.checkLevel(compressionLevel)
        self.output = output
        self.modified = modified
        self.compressionLevel = compressionLevel
        self.zip64Mode = zip64
    }

    /// Adds an uncompressed entry with CRC and sizes in its local header and no data descriptor: the
    /// form ASiC-E requires for `mimetype`, which must be the first entry.
    public func addStored(name: String, data: Data, comment: String = "") throws {
        let entry = try begin(name: name, comment: comment)
        try guarded {
            var record = Record(entry: entry, method: .stored, streamed: false, offset: bytesWritten)
            record.crc32 = ZIPChecksum.of(data)
            record.compressedSize = UInt64(data.count)
            record.uncompressedSize = UInt64(data.count)
            record.zip64InLocalHeader = zip64Mode == .always || record.uncompressedSize >= UInt64(UInt32.max)
            try write(record.localHeader(modified: modified))
            try write(data)
            records.append(record)
        }
    }

    /// Adds a deflated entry followed by a data descriptor, as the reference writes every entry after
    /// `mimetype`. `level` overrides the writer's compression level for this entry (0 keeps the deflate
    /// format but stores the bytes in it, for content that is compressed already).
    public func addDeflated(name: String, data: Data, comment: String = "", level: Int? = nil) throws {
        try addDeflated(name: name, data: data, comment: comment, level: level, crc32: nil)
    }

    /// As `addDeflated(name:data:comment:level:)`, with the CRC-32 of `data` when it is known already (a
    /// document prepared once for many packages), so it is not computed again.
    func addDeflated(name: String, data: Data, comment: String = "", level: Int?, crc32: UInt32?) throws {
        var pending: Data? = data
        try addStreamed(name: name, comment: comment, encoder: encoder(level: level ?? compressionLevel),
                        knownCRC32: crc32) {
            defer { pending = nil }
            return pending
        }
    }

    /// Adds a deflated entry whose content comes from `nextChunk` until it returns `nil`; only one chunk
    /// and zlib's window are in memory at a time. `level` as for `addDeflated(name:data:comment:level:)`.
    public func addDeflated(name: String, comment: String = "", level: Int? = nil,
                            nextChunk: () throws -> Data?) throws {
        try addStreamed(name: name, comment: comment, encoder: encoder(level: level ?? compressionLevel),
                        nextChunk: nextChunk)
    }

    /// Adds an uncompressed entry whose content comes from `nextChunk` until it returns `nil`. CRC and
    /// sizes are unknown when the header is written, so they follow in a data descriptor.
    public func addStored(name: String, comment: String = "", nextChunk: () throws -> Data?) throws {
        try addStreamed(name: name, comment: comment, encoder: .none, nextChunk: nextChunk)
    }

    /// Adds the file at `url` deflated, reading it in 1 MiB chunks; `level` as for `addDeflated(name:data:...)`.
    public func addDeflated(name: String, contentsOf url: URL, comment: String = "", level: Int? = nil) throws {
        let file = try ZIPFileChunks(url: url)
        try addDeflated(name: name, comment: comment, level: level, nextChunk: file.next)
    }

    /// Adds the file at `url` uncompressed (with a data descriptor), reading it in 1 MiB chunks.
    public func addStored(name: String, contentsOf url: URL, comment: String = "") throws {
        let file = try ZIPFileChunks(url: url)
        try addStored(name: name, comment: comment, nextChunk: file.next)
    }

    /// Writes the central directory and end records (ZIP64 ones when needed) with the archive `comment`
    /// (the reference packages use `mimetype=application/vnd.etsi.asic-e+zip`). No entry can follow.
    public func finish(comment: String = "") throws {
        let commentBytes = try Self.encodeComment(comment)
        try requireOpen()
        try guarded {
            let directoryOffset = bytesWritten
            for record in records {
                try write(record.centralHeader(modified: modified, forceZIP64: zip64Mode == .always))
            }
            try write(endRecords(directoryOffset: directoryOffset, comment: commentBytes))
            state = .finished
        }
        deflaters.values.forEach(ZIPDeflaterPool.shared.give)
        deflaters = [:]
    }

    /// What turns a streamed entry's content into its bytes in the archive.
    private enum Encoder {
        /// The bytes as they are (method STORED).
        case none
        /// Deflate's stored blocks: level 0, written without zlib.
        case storedBlocks
        /// zlib at level 1 to 9.
        case zlib(ZIPDeflater)

        var method: ZIPMethod { if case .none = self { .stored } else { .deflated } }

        /// Writes `chunk` encoded to `writer`'s output.
        func encode(_ chunk: Data, to writer: ZIPWriter) throws {
            switch self {
            case .none: try writer.write(chunk)
            case .storedBlocks: try ZIPStoredBlocks.encode(chunk, emitHeader: writer.write, emit: writer.write)
            case .zlib(let deflater): try deflater.compress(chunk, emit: writer.write)
            }
        }

        /// Ends the entry's stream and makes a zlib deflater ready for the next entry.
        func finish(to writer: ZIPWriter) throws {
            switch self {
            case .none:
                break
            case .storedBlocks:
                try writer.write(ZIPStoredBlocks.end)
            case .zlib(let deflater):
                try deflater.finish(emit: writer.write)
                try deflater.reset()
            }
        }
    }

    /// The deflate encoder for `level`: stored blocks for 0, a reused zlib deflater above.
    private func encoder(level: Int) throws -> Encoder {
        try Self.checkLevel(level)
        return level == 0 ? .storedBlocks : .zlib(try reusableDeflater(level: level))
    }

    private func addStreamed(name: String, comment: String, encoder: Encoder, knownCRC32: UInt32? = nil,
                             nextChunk: () throws -> Data?) throws {
        let entry = try begin(name: name, comment: comment)
        try guarded {
            var record = Record(entry: entry, method: encoder.method, streamed: true, offset: bytesWritten)
            record.zip64InLocalHeader = zip64Mode == .always
            try write(record.localHeader(modified: modified))
            var checksum = ZIPChecksum()
            let dataStart = bytesWritten
            while let chunk = try nextChunk() {
                if knownCRC32 == nil { checksum.update(chunk) }
                record.uncompressedSize += UInt64(chunk.count)
                try encoder.encode(chunk, to: self)
            }
            try encoder.finish(to: self)
            record.crc32 = knownCRC32 ?? checksum.value
            record.compressedSize = bytesWritten - dataStart
            try write(record.dataDescriptor())
            records.append(record)
        }
    }

    /// Checks the writer is open and the name and comment are valid and new, before anything is written.
    private func begin(name: String, comment: String) throws -> Record.Entry {
        let nameBytes = try ZIPEntryName.encode(name)
        let commentBytes = try Self.encodeComment(comment)
        try requireOpen()
        guard names.insert(name).inserted else {
            throw DPIError(.zipDuplicateName, "two entries have the same name; names in a package must be unique",
                           details: "name \(name.debugDescription)")
        }
        return Record.Entry(name: nameBytes, comment: commentBytes)
    }

    private func requireOpen() throws {
        guard state == .open else {
            throw DPIError(.zipWriterMisuse, state == .finished ? "an entry was added after finish()"
                                : "the writer was used again after a failed write; start a new archive",
                           disposition: .abort)
        }
    }

    /// Runs a step that writes: if it fails halfway the archive is broken, so the writer refuses more.
    private func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            state = .failed
            throw error
        }
    }

    private func write(_ bytes: Data) throws {
        try output.write(bytes)
        bytesWritten += UInt64(bytes.count)
    }

    private func write(_ bytes: [UInt8]) throws {
        try output.write(bytes)
        bytesWritten += UInt64(bytes.count)
    }

    private func reusableDeflater(level: Int) throws -> ZIPDeflater {
        if let deflater = deflaters[level] { return deflater }
        let created = try ZIPDeflaterPool.shared.take(level: level)
        deflaters[level] = created
        return created
    }

    private static func checkLevel(_ level: Int) throws {
        guard (0...9).contains(level) else {
            throw DPIError(.zipWriterMisuse, "the compression level must be between 0 and 9",
                           details: "level \(level)", disposition: .abort)
        }
    }

    private static func encodeComment(_ comment: String) throws -> [UInt8] {
        guard !comment.isEmpty else { return [] }   // nearly every entry: spares a conversion per entry
        let bytes = Array(comment.utf8)
        guard bytes.count <= Int(UInt16.max) else {
            throw DPIError(.zipWriterMisuse, "a ZIP comment is longer than 65535 bytes",
                           details: "\(bytes.count) bytes", disposition: .abort)
        }
        return bytes
    }
}
