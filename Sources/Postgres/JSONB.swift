import Foundation

/// A value stored as `jsonb`: wraps any `Encodable` for a bind parameter or COPY field, and any `Decodable`
/// for reading a `json`/`jsonb` column (`let payload: JSONB<Payload> = try row.decode("payload")`).
///
/// Encoding uses a plain `JSONEncoder` (default strategies); `\(json: value)` in `SQL` is the short form.
public struct JSONB<Value> {
    /// The wrapped value.
    public var value: Value

    /// Wraps a value to be sent or read as JSON.
    public init(_ value: Value) { self.value = value }
}

extension JSONB: Sendable where Value: Sendable {}

extension JSONB: PostgresEncodable, PostgresArrayElement where Value: Encodable {
    /// `jsonb`.
    public static var postgresType: PostgresType { .jsonb }
    /// `jsonb[]`.
    public static var postgresArrayType: PostgresType { .jsonbArray }

    /// The value encoded with `JSONEncoder`.
    public func postgresText() throws -> String? {
        do {
            return String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        } catch {
            throw PostgresError.encoding("a \(Value.self) could not be encoded as JSON", details: ["\(error)"])
        }
    }
}

extension JSONB: PostgresDecodable where Value: Decodable {
    /// The column's JSON decoded with `JSONDecoder`.
    public init(postgresText text: String) throws {
        value = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    }
}
