import CLibPQ

extension Connection {
    /// Runs a statement and returns its rows (all of them, received before this returns).
    public func query(_ sql: SQL) throws -> Rows {
        Rows(try run(sql))
    }

    /// Runs a statement and returns the number of rows it inserted, updated, deleted or selected.
    @discardableResult
    public func execute(_ sql: SQL) throws -> Int {
        Int(String(cString: PQcmdTuples(try run(sql).pointer))) ?? 0
    }

    /// Runs trusted text holding several statements separated by semicolons (a migration script), in one
    /// round trip and without parameters; never pass text that contains outside input.
    public func executeScript(_ script: String) throws {
        try ensureConnected()
        guard !script.utf8.contains(0) else { throw PostgresError.invalidUse("the script contains a NUL character") }
        try check(PQexec(handle, script))
    }

    /// Sends the statement with `PQexecParams` (text-format parameters with their type OIDs) and checks the result.
    func run(_ sql: SQL) throws -> QueryResult {
        let (text, parameters) = try sql.rendered()
        guard parameters.count <= Int(UInt16.max) else {
            throw PostgresError.invalidUse("a statement has \(parameters.count) parameters; PostgreSQL allows 65535")
        }
        try ensureConnected()
        let types = parameters.map { $0.type.oid }
        let result = withCStringArray(parameters.map(\.text)) { values in
            PQexecParams(handle, text, Int32(parameters.count), types, values, nil, nil, 0)
        }
        return try check(result)
    }

    /// Takes ownership of a result; returns it when the statement succeeded, else throws its error.
    @discardableResult
    func check(_ pointer: OpaquePointer?) throws -> QueryResult {
        guard let pointer else { throw error(from: nil) }
        let result = QueryResult(pointer)
        switch PQresultStatus(pointer) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return result
        case PGRES_COPY_IN:
            _ = try? finishCopy(abortReason: "COPY FROM STDIN through query or execute is not supported")
            throw PostgresError.invalidUse("COPY FROM STDIN must go through Connection.copy(into:columns:rows:)")
        case PGRES_COPY_OUT:
            discardCopyOut()
            throw PostgresError.invalidUse("COPY TO STDOUT is not supported; select the rows with query instead")
        default:
            throw error(from: pointer)
        }
    }

    /// Reads and drops the rest of a `COPY TO STDOUT`, so the connection is ready for the next statement.
    private func discardCopyOut() {
        var buffer: UnsafeMutablePointer<CChar>?
        while PQgetCopyData(handle, &buffer, 0) > 0 { PQfreemem(buffer) }
        _ = collectResults()
    }

    /// The error a failed result (or a missing one) stands for; a broken connection always means `.retry`.
    func error(from result: OpaquePointer?) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let result, let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let sqlState = field("C")
        if PQstatus(handle) == CONNECTION_BAD {
            return PostgresError(.connectionLost, .retry, sqlState: sqlState,
                                 summary: "the connection to the server was lost (server restart or network); "
                                    + "the next call reconnects, retry the work",
                                 details: [field("M") ?? libpqMessage])
        }
        guard let sqlState else {
            return PostgresError(.connectionLost, .retry, summary: "libpq returned no result (out of memory or a "
                                    + "broken connection); retry the work", details: [libpqMessage])
        }
        let object = [field("n").map { "constraint \"\($0)\"" },
                      field("c").map { "column \"\($0)\"" },
                      field("t").map { "table \"\($0)\"" }].compactMap { $0 }
        return .server(sqlState: sqlState, object: object.isEmpty ? nil : object.joined(separator: " of "),
                       message: field("M"), detail: field("D"), hint: field("H"))
    }
}
