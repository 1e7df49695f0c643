public import Foundation

/// A Swift value that can be sent to PostgreSQL as a bind parameter or a COPY field.
///
/// Values travel in PostgreSQL's text format together with the OID in `postgresType`. Conform your own types
/// (an enum backed by a `String`, say) by declaring the type and returning the text form; `RawRepresentable`
/// types whose raw value is encodable get both for free.
public protocol PostgresEncodable {
    /// The PostgreSQL type this value is sent as.
    static var postgresType: PostgresType { get }
    /// The value in PostgreSQL's text input format, or nil for SQL NULL.
    func postgresText() throws -> String?
}

/// A value that can also be an element of a PostgreSQL array (`[String]` → `text[]`, `[Int64?]` → `int8[]`).
public protocol PostgresArrayElement: PostgresEncodable {
    /// The PostgreSQL array type whose elements have this value's type.
    static var postgresArrayType: PostgresType { get }
}

extension PostgresEncodable where Self: RawRepresentable, RawValue: PostgresEncodable {
    /// The raw value's type.
    public static var postgresType: PostgresType { RawValue.postgresType }
    /// The raw value's text.
    public func postgresText() throws -> String? { try rawValue.postgresText() }
}

extension String: PostgresArrayElement {
    /// `text`.
    public static var postgresType: PostgresType { .text }
    /// `text[]`.
    public static var postgresArrayType: PostgresType { .textArray }
    /// The string itself; PostgreSQL text cannot hold NUL characters, so those are refused.
    public func postgresText() throws -> String? {
        guard !utf8.contains(0) else {
            throw PostgresError.encoding("a string contains a NUL character, which PostgreSQL text cannot store")
        }
        return self
    }
}

extension Int: PostgresArrayElement {
    /// `int8`.
    public static var postgresType: PostgresType { .int8 }
    /// `int8[]`.
    public static var postgresArrayType: PostgresType { .int8Array }
    /// Decimal digits.
    public func postgresText() -> String? { String(self) }
}

extension Int64: PostgresArrayElement {
    /// `int8`.
    public static var postgresType: PostgresType { .int8 }
    /// `int8[]`.
    public static var postgresArrayType: PostgresType { .int8Array }
    /// Decimal digits.
    public func postgresText() -> String? { String(self) }
}

extension Int32: PostgresArrayElement {
    /// `int4`.
    public static var postgresType: PostgresType { .int4 }
    /// `int4[]`.
    public static var postgresArrayType: PostgresType { .int4Array }
    /// Decimal digits.
    public func postgresText() -> String? { String(self) }
}

extension Bool: PostgresArrayElement {
    /// `bool`.
    public static var postgresType: PostgresType { .bool }
    /// `bool[]`.
    public static var postgresArrayType: PostgresType { .boolArray }
    /// `true` or `false`.
    public func postgresText() -> String? { self ? "true" : "false" }
}

extension Double: PostgresArrayElement {
    /// `float8`.
    public static var postgresType: PostgresType { .float8 }
    /// `float8[]`.
    public static var postgresArrayType: PostgresType { .float8Array }
    /// The shortest text that reads back as the same double; `Infinity`, `-Infinity`, `NaN` for the specials.
    public func postgresText() -> String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return description
    }
}

extension Date: PostgresArrayElement {
    /// `timestamptz`.
    public static var postgresType: PostgresType { .timestamptz }
    /// `timestamptz[]`.
    public static var postgresArrayType: PostgresType { .timestamptzArray }
    /// ISO 8601 in UTC with microseconds (PostgreSQL's resolution), e.g. `2026-01-02 03:04:05.678901+00`.
    public func postgresText() -> String? { Timestamp.text(for: self) }
}

extension UUID: PostgresArrayElement {
    /// `uuid`.
    public static var postgresType: PostgresType { .uuid }
    /// `uuid[]`.
    public static var postgresArrayType: PostgresType { .uuidArray }
    /// The canonical 36-character form.
    public func postgresText() -> String? { uuidString }
}

extension Data: PostgresArrayElement {
    /// `bytea`.
    public static var postgresType: PostgresType { .bytea }
    /// `bytea[]`.
    public static var postgresArrayType: PostgresType { .byteaArray }
    /// bytea hex format, `\x` followed by two hex digits per byte.
    public func postgresText() -> String? { Bytea.hexText(self) }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    /// The wrapped type, so that a NULL parameter still has a definite type.
    public static var postgresType: PostgresType { Wrapped.postgresType }
    /// nil (SQL NULL) for `.none`, else the wrapped value's text.
    public func postgresText() throws -> String? { try self?.postgresText() }
}

extension Optional: PostgresArrayElement where Wrapped: PostgresArrayElement {
    /// The wrapped type's array type: arrays may hold NULL elements.
    public static var postgresArrayType: PostgresType { Wrapped.postgresArrayType }
}

extension Array: PostgresEncodable where Element: PostgresArrayElement {
    /// The element's array type.
    public static var postgresType: PostgresType { Element.postgresArrayType }
    /// A one-dimensional array literal with every element quoted, e.g. `{"a","b,c",NULL}`.
    public func postgresText() throws -> String? { try ArrayLiteral.text(for: map { try $0.postgresText() }) }
}
