public import Foundation

/// A Swift value that can be read from a result column in PostgreSQL's text output format.
///
/// `Row.decode` uses it; conform your own types by parsing the text. Throwing any error is fine: the row wraps
/// it into a `PostgresError` naming the column and the expected type.
public protocol PostgresDecodable {
    /// Parses the text output of a non-NULL value.
    init(postgresText text: String) throws
    /// The value that SQL NULL decodes to, or nil when this type cannot represent NULL (decoding then fails).
    static var postgresNull: Self? { get }
}

extension PostgresDecodable {
    /// Non-optional types cannot hold NULL.
    public static var postgresNull: Self? { nil }
}

/// Why a column's text could not be parsed; the row adds the column name and expected type.
struct TextFormatError: Error, CustomStringConvertible {
    let description: String
}

extension PostgresDecodable where Self: RawRepresentable, RawValue: PostgresDecodable {
    /// Decodes the raw value, then the case.
    public init(postgresText text: String) throws {
        guard let value = Self(rawValue: try RawValue(postgresText: text)) else {
            throw TextFormatError(description: "no \(Self.self) has this raw value")
        }
        self = value
    }
}

extension String: PostgresDecodable {
    /// Any column's text as it is.
    public init(postgresText text: String) { self = text }
}

/// Parses a signed decimal integer the way PostgreSQL prints it.
private func integer<T: FixedWidthInteger>(_ text: String) throws -> T {
    guard let value = T(text) else { throw TextFormatError(description: "not a \(T.bitWidth)-bit integer") }
    return value
}

extension Int: PostgresDecodable {
    /// `int2`, `int4` or `int8` text.
    public init(postgresText text: String) throws { self = try integer(text) }
}

extension Int64: PostgresDecodable {
    /// `int2`, `int4` or `int8` text.
    public init(postgresText text: String) throws { self = try integer(text) }
}

extension Int32: PostgresDecodable {
    /// `int2` or `int4` text (an `int8` that fits works too).
    public init(postgresText text: String) throws { self = try integer(text) }
}

extension Bool: PostgresDecodable {
    /// `t` or `f`, as PostgreSQL prints `bool`.
    public init(postgresText text: String) throws {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw TextFormatError(description: "not a bool (expected t or f)")
        }
    }
}

extension Double: PostgresDecodable {
    /// `float8`, `float4`, `numeric` or integer text, including `Infinity`, `-Infinity` and `NaN`.
    public init(postgresText text: String) throws {
        switch text {
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        case "NaN": self = .nan
        default:
            guard let value = Double(text) else { throw TextFormatError(description: "not a number") }
            self = value
        }
    }
}

extension Date: PostgresDecodable {
    /// `timestamptz` text in ISO style (the connection sets `DateStyle=ISO`), microseconds kept;
    /// `infinity` and `-infinity` become `distantFuture` and `distantPast`.
    public init(postgresText text: String) throws { self = try Timestamp.date(from: text) }
}

extension UUID: PostgresDecodable {
    /// `uuid` text.
    public init(postgresText text: String) throws {
        guard let value = UUID(uuidString: text) else { throw TextFormatError(description: "not a uuid") }
        self = value
    }
}

extension Data: PostgresDecodable {
    /// `bytea` in hex output format (`\x…`, the server default since PostgreSQL 9.0).
    public init(postgresText text: String) throws { self = try Bytea.data(fromHex: text) }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    /// NULL decodes to `nil`.
    public static var postgresNull: Self? { .some(.none) }
    /// Decodes the wrapped value.
    public init(postgresText text: String) throws { self = try Wrapped(postgresText: text) }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    /// A one-dimensional array's text (`{a,"b,c",NULL}`); NULL elements need an optional element type.
    public init(postgresText text: String) throws {
        self = try ArrayLiteral.elements(of: text).map { element in
            guard let element else {
                guard let null = Element.postgresNull else {
                    throw TextFormatError(description: "the array has a NULL element; decode as [\(Element.self)?]")
                }
                return null
            }
            return try Element(postgresText: element)
        }
    }
}
