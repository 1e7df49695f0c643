import CLibPQ

extension Connection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws (and rethrows).
    ///
    /// If the connection is lost meanwhile, every later statement in `body` throws `.retry` (nothing is run
    /// outside the transaction) and so does this call: redo the whole transaction. If `body` swallowed a
    /// server error, PostgreSQL turns COMMIT into a rollback; that throws `.transactionRolledBack`.
    /// Nested calls throw `.invalidUse`.
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        guard !isInTransaction else {
            throw PostgresError.invalidUse("transaction(_:) was called inside another transaction")
        }
        try execute("BEGIN")
        isInTransaction = true
        defer { isInTransaction = false }
        let value: T
        do {
            value = try body(self)
        } catch {
            if PQstatus(handle) == CONNECTION_OK { _ = try? execute("ROLLBACK") }
            throw error
        }
        let commit = try run("COMMIT")
        guard String(cString: PQcmdStatus(commit.pointer)) == "COMMIT" else {
            throw PostgresError(.transactionRolledBack, .abort,
                                summary: "COMMIT rolled the transaction back because a statement in it had failed "
                                    + "and the error was caught; let errors leave the transaction body")
        }
        return value
    }
}
