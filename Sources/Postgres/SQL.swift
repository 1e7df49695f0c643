import Foundation

/// A SQL statement whose interpolated values become bind parameters (`$1`, `$2`, ...), never statement text.
///
/// ```swift
/// let rows = try connection.query("select id, name from \(identifier: table) where job_id = \(jobID)")
/// ```
/// Only string literals, `\(identifier:)` (quoted like `PQescapeIdentifier`), `\(unescaped:)` (trusted text)
/// and nested `SQL` values reach the statement text; everything else is a parameter, so injection through
/// a value is impossible. Values are encoded when interpolated; an encoding failure is thrown when the
/// statement runs.
public struct SQL: Sendable, ExpressibleByStringInterpolation {
    enum Segment: Sendable {
        case text(String)
        case parameter(Parameter)
    }

    /// One bind parameter: its type and its text, nil for NULL.
    struct Parameter: Sendable {
        let type: PostgresType
        let text: String?
    }

    private(set) var segments: [Segment] = []
    private(set) var encodingError: PostgresError?

    /// A statement from a literal, with no parameters.
    public init(stringLiteral value: String) {
        segments = [.text(value)]
    }

    /// A statement built by interpolation.
    public init(stringInterpolation: StringInterpolation) {
        self = stringInterpolation.sql
    }

    /// A statement from trusted text (a migration script, a statement assembled from constants); never pass
    /// text that contains outside input.
    public init(unescaped text: String) {
        segments = [.text(text)]
    }

    /// The statement text with `$n` placeholders, and the parameters in order.
    func rendered() throws -> (text: String, parameters: [Parameter]) {
        if let encodingError { throw encodingError }
        var text = ""
        var parameters: [Parameter] = []
        for segment in segments {
            switch segment {
            case .text(let fragment):
                text += fragment
            case .parameter(let parameter):
                parameters.append(parameter)
                text += "$\(parameters.count)"
            }
        }
        guard !text.utf8.contains(0) else {
            throw PostgresError.invalidUse("the statement text contains a NUL character")
        }
        return (text, parameters)
    }

    /// Collects literal text and values while a string interpolation is evaluated.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = SQL(unescaped: "")

        /// Reserves room; the counts are hints only.
        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.segments.reserveCapacity(2 * interpolationCount + 1)
        }

        /// Literal statement text.
        public mutating func appendLiteral(_ literal: String) {
            sql.segments.append(.text(literal))
        }

        /// A value, sent as the next bind parameter.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            appendInterpolation(some: value)
        }

        private mutating func appendInterpolation(some value: some PostgresEncodable) {
            do {
                sql.segments.append(.parameter(Parameter(type: type(of: value).postgresType,
                                                         text: try value.postgresText())))
            } catch {
                sql.encodingError = sql.encodingError ?? (error as? PostgresError)
                    ?? PostgresError.encoding("a \(type(of: value)) could not be encoded", details: ["\(error)"])
            }
        }

        /// An optional value: NULL when nil, typed as the wrapped type either way.
        public mutating func appendInterpolation<Wrapped: PostgresEncodable>(_ value: Wrapped?) {
            appendInterpolation(some: value)
        }

        /// Any `Encodable` value, sent as a `jsonb` bind parameter.
        public mutating func appendInterpolation(json value: some Encodable) {
            appendInterpolation(JSONB(value))
        }

        /// Bytes, sent as a `bytea` bind parameter.
        public mutating func appendInterpolation(bytea bytes: [UInt8]) {
            sql.segments.append(.parameter(Parameter(type: .bytea, text: Bytea.hexText(bytes))))
        }

        /// A table, schema or column name, double-quoted with embedded quotes doubled (`PQescapeIdentifier`).
        public mutating func appendInterpolation(identifier name: String) {
            sql.segments.append(.text(SQL.quoted(identifier: name)))
        }

        /// Trusted statement text spliced in as is; never pass outside input.
        public mutating func appendInterpolation(unescaped text: String) {
            sql.segments.append(.text(text))
        }

        /// Another statement fragment; its parameters are renumbered into this statement.
        public mutating func appendInterpolation(_ fragment: SQL) {
            sql.segments += fragment.segments
            sql.encodingError = sql.encodingError ?? fragment.encodingError
        }
    }

    /// A double-quoted identifier with `"` doubled, so any name is read as exactly one identifier.
    static func quoted(identifier name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
