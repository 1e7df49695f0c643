import CLibPQ

/// One PostgreSQL session, used by one worker thread at a time (so it is not `Sendable`).
///
/// Connects from a libpq connection string (`host=127.0.0.1 port=5432 dbname=dpi user=dpi`) or URI
/// (`postgresql://dpi@127.0.0.1:5432/dpi`) with client encoding UTF-8, `DateStyle=ISO` and `TimeZone=UTC`.
/// When the server goes away, the running statement throws a `.retry` error; the next call on the same
/// `Connection` reconnects first (`PQreset`), unless a transaction was open, which is reported instead.
public final class Connection {
    let handle: OpaquePointer
    /// True inside `transaction`: a lost connection must not be silently replaced mid-transaction.
    var isInTransaction = false

    /// Connects, blocking until the session is ready or failed (at most `connect_timeout`, default 10 s).
    ///
    /// Throws `.invalidConnectionString`, `.connectionFailed` (host/port unreachable, server starting or full),
    /// `.authenticationFailed` or `.databaseMissing`; the error never contains the password.
    public init(_ connectionString: String) throws {
        let options = try ConnectionOptions(parsing: connectionString)
        guard let handle = options.connect() else {
            throw PostgresError(.connectionFailed, .retry, summary: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let error = Self.connectError(handle)
            PQfinish(handle)
            throw error
        }
        self.handle = handle
        PQsetNoticeProcessor(handle, { _, _ in }, nil)  // NOTICEs would go to stderr, bypassing the logger
    }

    deinit {
        PQfinish(handle)
    }

    /// Whether the session is currently usable; false after the server went away until the next call reconnects.
    public var isConnected: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Reconnects if the session broke since the last call; throws `.retry` if that fails or a transaction
    /// was open (its work is lost and must be redone from the start).
    func ensureConnected() throws {
        guard PQstatus(handle) == CONNECTION_BAD else { return }
        guard !isInTransaction else {
            throw PostgresError(.connectionLost, .retry,
                                summary: "the connection was lost inside a transaction, which was rolled back; "
                                    + "retry the whole transaction")
        }
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else { throw Self.connectError(handle) }
    }

    /// The latest libpq message for this connection, without its trailing newline.
    var libpqMessage: String {
        PQerrorMessage(handle).map { String(cString: $0).trimmingTrailingNewlines } ?? ""
    }

    /// Classifies a failed connection attempt. libpq gives no SQLSTATE for startup failures, so this reads
    /// its (English) message; host, port, user and database are configuration, safe to log.
    private static func connectError(_ handle: OpaquePointer) -> PostgresError {
        let message = PQerrorMessage(handle).map { String(cString: $0).trimmingTrailingNewlines } ?? ""
        let host = PQhost(handle).map { String(cString: $0) } ?? "?"
        let port = PQport(handle).map { String(cString: $0) } ?? "?"
        let database = PQdb(handle).map { String(cString: $0) } ?? "?"
        let user = PQuser(handle).map { String(cString: $0) } ?? "?"
        let server = "\(host):\(port)"
        if PQconnectionNeedsPassword(handle) == 1 || message.contains("authentication failed")
            || message.contains("no password supplied") {
            return PostgresError(.authenticationFailed, .abort, sqlState: "28P01",
                                 summary: "the server at \(server) rejected user \"\(user)\"; check the user name "
                                    + "and password in the connection string", details: [message])
        }
        if message.contains("role \"") && message.contains("does not exist") {
            return PostgresError(.authenticationFailed, .abort, sqlState: "28000",
                                 summary: "the server at \(server) has no role \"\(user)\"; fix the user name in the "
                                    + "connection string", details: [message])
        }
        if message.contains("database \"") && message.contains("does not exist") {
            return PostgresError(.databaseMissing, .abort, sqlState: "3D000",
                                 summary: "the server at \(server) has no database \"\(database)\"; create it or "
                                    + "fix the database name in the connection string", details: [message])
        }
        if message.contains("starting up") || message.contains("shutting down") || message.contains("recovery") {
            return PostgresError(.connectionFailed, .retry, sqlState: "57P03",
                                 summary: "the server at \(server) is starting or stopping; retry shortly",
                                 details: [message])
        }
        if message.contains("too many clients") || message.contains("remaining connection slots") {
            return PostgresError(.connectionFailed, .retry, sqlState: "53300",
                                 summary: "the server at \(server) has no free connection slot; retry later or "
                                    + "lower the number of workers", details: [message])
        }
        return PostgresError(.connectionFailed, .retry,
                             summary: "could not connect to the server at \(server); check host and port and that "
                                + "PostgreSQL is running and reachable", details: [message])
    }
}
