/// Buffers rows for `COPY … FROM STDIN` in PostgreSQL's text format and hands them to the server in chunks.
///
/// Given to the closure of `Connection.copy(into:schema:columns:_:)`; each `append` adds one row whose values
/// are in the statement's column order. NULL (an optional that is nil) becomes `\N`; backslash, tab, newline
/// and carriage return in values are escaped (manual, "COPY", "Text Format").
public struct CopyWriter {
    /// Bytes sent per `PQputCopyData` call.
    static let chunkSize = 64 * 1024

    private let connection: Connection
    private let columnCount: Int
    private var buffer: [UInt8] = []
    /// Rows appended so far.
    public private(set) var rowCount = 0
    /// True once a failed send has ended the COPY on the connection.
    private(set) var hasEnded = false

    init(connection: Connection, columnCount: Int) {
        self.connection = connection
        self.columnCount = columnCount
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    /// Appends one row; throws `.invalidUse` if it has the wrong number of values, or the send error.
    public mutating func append(_ values: [any PostgresEncodable]) throws {
        guard values.count == columnCount else {
            throw PostgresError.invalidUse("a COPY row has \(values.count) values for \(columnCount) columns")
        }
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let text = try value.postgresText() else {
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(UInt8(ascii: "N"))
                continue
            }
            appendEscaped(text)
        }
        buffer.append(UInt8(ascii: "\n"))
        rowCount += 1
        if buffer.count >= Self.chunkSize { try flush() }
    }

    /// Appends one row given as separate arguments: `try writer.append(id, name, nil as String?)`.
    public mutating func append(_ values: any PostgresEncodable...) throws {
        try append(values)
    }

    /// Sends what is buffered.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try connection.putCopyData(buffer)
        } catch {
            hasEnded = true
            throw error
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func appendEscaped(_ text: String) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
            buffer.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\t"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "\n"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            default: buffer.append(byte)
            }
        }
    }
}
