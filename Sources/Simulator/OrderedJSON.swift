import Foundation

/// A JSON object whose members keep the order they were added in: access tokens are written with their
/// claims in the order of the official examples (Foundation's encoders sort or scramble keys).
struct OrderedJSON {
    private var members: [String] = []

    /// Adds a string member.
    mutating func add(_ key: String, _ value: String) {
        members.append(Self.quoted(key) + ":" + Self.quoted(value))
    }

    /// Adds an integer member.
    mutating func add(_ key: String, _ value: Int) {
        members.append(Self.quoted(key) + ":" + String(value))
    }

    /// Adds a nested object member.
    mutating func add(_ key: String, _ value: OrderedJSON) {
        members.append(Self.quoted(key) + ":" + value.text)
    }

    /// The object as compact JSON text.
    var text: String { "{" + members.joined(separator: ",") + "}" }

    /// The object as UTF-8 bytes.
    var data: Data { Data(text.utf8) }

    /// `text` as a JSON string literal, escaped by Foundation (slashes left alone, as in the examples).
    private static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
