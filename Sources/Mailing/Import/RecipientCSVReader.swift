public import Foundation

/// One record of a CSV file: its fields and the physical line it starts on.
public struct CSVRecord: Sendable, Equatable {
    /// The line the record starts on, counting every line break, also those inside quoted fields.
    public let line: Int
    /// The fields, unquoted; invalid UTF-8 sequences replaced by U+FFFD (see `isValidUTF8`).
    public let fields: [String]
    /// False when some field held bytes that are not UTF-8.
    public let isValidUTF8: Bool
    /// False when text followed a closing quote inside a field (`"ab"c`), which RFC 4180 does not allow.
    public let isWellQuoted: Bool
}

/// Reads a CSV file record by record (RFC 4180: comma-separated, fields optionally in double quotes,
/// `""` for a quote inside them, line breaks inside quoted fields, CRLF or LF), holding one record
/// and one 64 KiB chunk at a time, so a file of millions of rows takes no more memory than one row.
///
/// A UTF-8 byte order mark at the start is skipped and blank lines are ignored. A quoted field that
/// is never closed, or a record longer than `maximumRecordBytes`, throws (the rest of the file cannot
/// be split); a record with bad UTF-8 or bad quoting is returned flagged, for the caller to reject.
public final class RecipientCSVReader {
    /// The longest record accepted; anything longer is almost surely an unbalanced quote.
    public static let maximumRecordBytes = 1 << 20

    private static let chunkSize = 64 * 1024
    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lineFeed = UInt8(ascii: "\n"),
        carriageReturn = UInt8(ascii: "\r")

    private let handle: FileHandle?
    /// The file's path, for the error when reading fails midway.
    private let path: String
    private var chunk: [UInt8]
    private var position = 0
    private var line = 1

    /// A reader of `file`.
    ///
    /// - Throws: `ImportError` `.unreadableFile` when it cannot be opened.
    public init(file: URL) throws(ImportError) {
        do {
            handle = try FileHandle(forReadingFrom: file)
        } catch {
            throw ImportError(.unreadableFile(path: file.path))
        }
        path = file.path
        chunk = []
        try skipByteOrderMark()
    }

    /// A reader of CSV text already in memory.
    public init(data: Data) {
        handle = nil
        path = "(memory)"
        chunk = Array(data)
        try? skipByteOrderMark()
    }

    deinit {
        try? handle?.close()
    }

    /// The next record, or nil at the end of the file.
    ///
    /// - Throws: `ImportError` `.unterminatedQuote` or `.recordTooLong` naming the record's first line, or
    ///   `.unreadableFile` when reading fails midway (never a silently shortened file).
    public func next() throws(ImportError) -> CSVRecord? {
        var byte = try nextByte()
        while let blank = byte, blank == Self.lineFeed || blank == Self.carriageReturn {
            try endLine(after: blank)
            byte = try nextByte()
        }
        guard var current = byte else { return nil }
        let startLine = line
        var fields: [String] = [], field: [UInt8] = [], size = 0
        var inQuotes = false, afterQuote = false, validUTF8 = true, wellQuoted = true
        func finishField() {
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                fields.append(String(decoding: field, as: UTF8.self))
                validUTF8 = false
            }
            field.removeAll(keepingCapacity: true)
            afterQuote = false
        }
        while true {
            size += 1
            guard size <= Self.maximumRecordBytes else {
                throw ImportError(.recordTooLong(line: startLine, limit: Self.maximumRecordBytes))
            }
            if inQuotes {
                if current == Self.quote {
                    if try peekByte() == Self.quote {
                        _ = try nextByte()
                        field.append(Self.quote)
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if current == Self.lineFeed { line += 1 }
                    field.append(current)
                }
            } else if current == Self.comma {
                finishField()
            } else if current == Self.lineFeed || current == Self.carriageReturn {
                try endLine(after: current)
                break
            } else if current == Self.quote && field.isEmpty && !afterQuote {
                inQuotes = true
            } else {
                if afterQuote || current == Self.quote { wellQuoted = false }
                field.append(current)
            }
            guard let following = try nextByte() else {
                guard !inQuotes else { throw ImportError(.unterminatedQuote(line: startLine)) }
                break
            }
            current = following
        }
        finishField()
        return CSVRecord(line: startLine, fields: fields, isValidUTF8: validUTF8, isWellQuoted: wellQuoted)
    }

    /// Counts a line break; a CR directly followed by LF is one break.
    private func endLine(after byte: UInt8) throws(ImportError) {
        if byte == Self.carriageReturn, try peekByte() == Self.lineFeed { _ = try nextByte() }
        line += 1
    }

    private func nextByte() throws(ImportError) -> UInt8? {
        if position >= chunk.count, try !refill() { return nil }
        defer { position += 1 }
        return chunk[position]
    }

    private func peekByte() throws(ImportError) -> UInt8? {
        if position >= chunk.count, try !refill() { return nil }
        return chunk[position]
    }

    /// Reads the next chunk of the file; false at its end (and always for in-memory text).
    private func refill() throws(ImportError) -> Bool {
        guard let handle else { return false }
        let data: Data?
        do {
            data = try handle.read(upToCount: Self.chunkSize)
        } catch {
            throw ImportError(.unreadableFile(path: path))
        }
        guard let data, !data.isEmpty else { return false }
        chunk = Array(data)
        position = 0
        return true
    }

    private func skipByteOrderMark() throws(ImportError) {
        if chunk.isEmpty { _ = try refill() }
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }
}
