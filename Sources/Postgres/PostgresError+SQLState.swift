public import ErrorDisposition

extension PostgresError {
    /// The disposition for a server error with this SQLSTATE (PostgreSQL manual, Appendix A).
    ///
    /// Retry: class 08 (connection), 40 (serialization failure, deadlock), 53 (insufficient resources),
    /// 57P01–57P03 (shutdown, cannot connect now), 55P03 (lock not available, e.g. `NOWAIT`).
    /// Reject: class 22 (data exception) and 23 (integrity constraint violation): the item's data is bad.
    /// Abort: everything else (syntax, undefined object, authentication, missing database, ...).
    public static func disposition(forSQLState sqlState: String) -> Disposition {
        switch sqlState {
        case "57P01", "57P02", "57P03", "55P03": .retry
        default:
            switch sqlState.prefix(2) {
            case "08", "40", "53": .retry
            case "22", "23": .reject
            default: .abort
            }
        }
    }

    /// A log-safe name for the SQLSTATE's class (the first two characters).
    static func className(of sqlState: String) -> String {
        switch sqlState.prefix(2) {
        case "08": "connection exception"
        case "0A": "feature not supported"
        case "22": "data exception"
        case "23": "integrity constraint violation"
        case "25": "invalid transaction state"
        case "28": "invalid authorization"
        case "3D": "invalid catalog name"
        case "3F": "invalid schema name"
        case "40": "transaction rollback"
        case "42": "syntax error or access rule violation"
        case "53": "insufficient resources"
        case "54": "program limit exceeded"
        case "55": "object not in prerequisite state"
        case "57": "operator intervention"
        case "P0": "PL/pgSQL error"
        case "XX": "internal error"
        default: "class \(sqlState.prefix(2))"
        }
    }

    /// A server error: `object` names the constraint, table or column the server reported (schema names are
    /// safe to log); the primary message, detail and hint go to `debugDescription` only.
    static func server(sqlState: String, object: String?, message: String?, detail: String?,
                       hint: String?) -> PostgresError {
        let disposition = disposition(forSQLState: sqlState)
        var summary = "the server refused the statement (\(className(of: sqlState)))"
        if let object { summary += " on \(object)" }
        switch disposition {
        case .retry: summary += "; transient, retry the work"
        case .reject: summary += "; the item's data is invalid, reject it"
        case .abort: summary += "; check the SQL, the schema and the configuration"
        }
        let details = [message, detail.map { "detail: \($0)" }, hint.map { "hint: \($0)" }].compactMap { $0 }
        return PostgresError(.server, disposition, sqlState: sqlState, summary: summary, details: details)
    }
}
