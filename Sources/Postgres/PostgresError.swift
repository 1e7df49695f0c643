public import ErrorDisposition

/// Every failure the Postgres module reports: connecting, running SQL, encoding or decoding values, COPY.
///
/// `description` is safe to log: it names what went wrong, the SQLSTATE and the schema object involved, never
/// row data or passwords. The server's own message and detail (which may quote data) are in `debugDescription`.
public struct PostgresError: ClassifiedError, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is; compare errors by code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Base: String, Sendable {
            case invalidConnectionString = "invalid connection string"
            case connectionFailed = "connection failed"
            case authenticationFailed = "authentication failed"
            case databaseMissing = "database does not exist"
            case connectionLost = "connection lost"
            case server = "server error"
            case transactionRolledBack = "transaction rolled back"
            case invalidUse = "invalid use"
            case encodingFailed = "encoding failed"
            case decodingFailed = "decoding failed"
        }

        let base: Base

        /// The connection string or URI could not be parsed; nothing was sent to the network.
        public static let invalidConnectionString = Code(base: .invalidConnectionString)
        /// The server could not be reached or refused the connection (not an authentication problem).
        public static let connectionFailed = Code(base: .connectionFailed)
        /// The server rejected the user name or password.
        public static let authenticationFailed = Code(base: .authenticationFailed)
        /// The server is up but the database named in the connection string does not exist.
        public static let databaseMissing = Code(base: .databaseMissing)
        /// The connection broke while a statement ran (server restart, network); the statement's outcome is unknown
        /// only for COMMIT, otherwise it did not happen.
        public static let connectionLost = Code(base: .connectionLost)
        /// The server answered with an error; `sqlState` says which.
        public static let server = Code(base: .server)
        /// A transaction body swallowed an error, so COMMIT rolled the transaction back instead.
        public static let transactionRolledBack = Code(base: .transactionRolledBack)
        /// The API was used in a way it does not support (nested transaction, too many parameters, ...).
        public static let invalidUse = Code(base: .invalidUse)
        /// A Swift value could not be turned into PostgreSQL text (JSON encoding failed, NUL in a string).
        public static let encodingFailed = Code(base: .encodingFailed)
        /// A result column could not be decoded as the requested Swift type, or is missing.
        public static let decodingFailed = Code(base: .decodingFailed)

        /// A short name of the code, usable as a metric label.
        public var description: String { base.rawValue }
    }


    /// What kind of failure this is.
    public let code: Code
    /// The five-character SQLSTATE the server sent, when there was one (e.g. `23505`).
    public let sqlState: String?
    /// Whether to retry, reject the item, or stop.
    public let disposition: Disposition
    /// A log-safe sentence saying what failed and what to do about it.
    let summary: String
    /// Unfiltered details (server message, detail, hint, libpq text); may quote row data.
    let details: [String]

    init(_ code: Code, _ disposition: Disposition, sqlState: String? = nil, summary: String,
         details: [String] = []) {
        self.code = code
        self.disposition = disposition
        self.sqlState = sqlState
        self.summary = summary
        self.details = details
    }

    /// A log-safe description: code, SQLSTATE and what to do; never row data or secrets.
    public var description: String {
        let state = sqlState.map { ", SQLSTATE \($0)" } ?? ""
        return "PostgresError(\(code)\(state)): \(summary)"
    }

    /// The description followed by the server's or libpq's own messages, for debugging.
    public var debugDescription: String {
        ([description] + details.filter { !$0.isEmpty }).joined(separator: "\n  ")
    }
}

extension PostgresError {
    static func invalidUse(_ summary: String) -> PostgresError {
        PostgresError(.invalidUse, .abort, summary: summary)
    }

    static func encoding(_ summary: String, details: [String] = []) -> PostgresError {
        PostgresError(.encodingFailed, .reject, summary: summary, details: details)
    }
}
