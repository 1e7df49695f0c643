import CLibPQ

/// Owns one `PGresult` and frees it when the last `Rows` or `Row` using it is gone.
///
/// `@unchecked Sendable`: a PGresult is read-only after creation and libpq documents it as safe to read from
/// several threads ("Behavior in Threaded Programs"); nothing here mutates it.
final class QueryResult: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { PQclear(pointer) }
}

/// The rows a query returned, all received before `query` returns (claim work in batches, not millions at once).
///
/// A random-access collection of `Row`: `for row in rows`, `rows.first`, `rows.count`, `rows[0]`.
public struct Rows: RandomAccessCollection, Sendable {
    let result: QueryResult
    /// The result's column names, in order.
    public let columns: [String]
    /// Always 0.
    public let startIndex = 0
    /// The number of rows.
    public let endIndex: Int

    init(_ result: QueryResult) {
        self.result = result
        columns = (0..<PQnfields(result.pointer)).map { String(cString: PQfname(result.pointer, $0)) }
        endIndex = Int(PQntuples(result.pointer))
    }

    /// The row at `position` (0-based).
    public subscript(position: Int) -> Row {
        precondition(indices.contains(position), "row index \(position) out of range 0..<\(endIndex)")
        return Row(rows: self, index: position)
    }
}

/// One result row; decode its columns by name or by index.
///
/// ```swift
/// let id: Int64 = try row.decode("id")
/// let note = try row.decode("note", as: String?.self)   // NULL → nil
/// ```
public struct Row: Sendable {
    let rows: Rows
    let index: Int

    /// The column named `column` decoded as `T`; throws `.decodingFailed` naming the column and the expected
    /// type when it is missing, NULL (and `T` is not optional) or not in `T`'s text format.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let position = rows.columns.firstIndex(of: column) else {
            throw PostgresError(.decodingFailed, .abort,
                                summary: "the result has no column \"\(column)\"; it has \(rows.columns)")
        }
        return try decode(position, as: type)
    }

    /// The column at `column` (0-based) decoded as `T`; errors as for the by-name form.
    public func decode<T: PostgresDecodable>(_ column: Int, as type: T.Type = T.self) throws -> T {
        guard rows.columns.indices.contains(column) else {
            throw PostgresError(.decodingFailed, .abort,
                                summary: "the result has no column \(column); it has \(rows.columns.count)")
        }
        let name = rows.columns[column]
        let result = rows.result.pointer
        let row = Int32(index), field = Int32(column)
        if PQgetisnull(result, row, field) == 1 {
            guard let null = T.postgresNull else {
                throw PostgresError(.decodingFailed, .abort,
                                    summary: "column \"\(name)\" is NULL; decode it as \(T.self)? instead")
            }
            return null
        }
        let bytes = UnsafeRawPointer(PQgetvalue(result, row, field)!).assumingMemoryBound(to: UInt8.self)
        let text = String(decoding: UnsafeBufferPointer(start: bytes, count: Int(PQgetlength(result, row, field))),
                          as: UTF8.self)
        do {
            return try T(postgresText: text)
        } catch {
            throw PostgresError(.decodingFailed, .abort,
                                summary: "column \"\(name)\" could not be decoded as \(T.self)", details: ["\(error)"])
        }
    }

    /// Whether the column named `column` is NULL in this row (false when there is no such column).
    public func isNull(_ column: String) -> Bool {
        guard let position = rows.columns.firstIndex(of: column) else { return false }
        return PQgetisnull(rows.result.pointer, Int32(index), Int32(position)) == 1
    }
}
