public import Foundation

/// An RFC 7807 `application/problem+json` body, as the access point explains 4xx and 5xx answers (spec 10.7).
/// Every member is optional and read leniently (a `status` sent as text is still read; extra members such as
/// Digdir's are ignored), because an error body must never turn one failure into another.
public struct Problem: Sendable, Equatable, Codable {
    /// A URI naming the problem type; absent means `about:blank`.
    public var type: String?
    /// A short summary of the problem type, usually the status phrase.
    public var title: String?
    /// The HTTP status, repeated in the body.
    public var status: Int?
    /// What is wrong with this occurrence: the text to store on a rejected letter (spec 12.1).
    public var detail: String?
    /// A URI naming this occurrence.
    public var instance: String?

    /// A problem with the given members.
    public init(type: String? = nil, title: String? = nil, status: Int? = nil, detail: String? = nil,
                instance: String? = nil) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.instance = instance
    }

    /// Reads each member on its own, so one of the wrong JSON type is dropped instead of losing the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try? container.decodeIfPresent(String.self, forKey: .type)
        title = try? container.decodeIfPresent(String.self, forKey: .title)
        status = (try? container.decodeIfPresent(Int.self, forKey: .status))
            ?? (try? container.decodeIfPresent(String.self, forKey: .status)).flatMap { $0.flatMap(Int.init) }
        detail = try? container.decodeIfPresent(String.self, forKey: .detail)
        instance = try? container.decodeIfPresent(String.self, forKey: .instance)
    }

    /// The problem in `data` when it is a JSON object (whatever the declared content type); nil for an empty
    /// body, HTML from a proxy, or any other text.
    public static func parse(_ data: Data) -> Problem? {
        guard data.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") else { return nil }
        return try? JSONDecoder().decode(Problem.self, from: data)
    }

    /// One line for logs: status, title, type (unless `about:blank`) and detail, with control characters
    /// replaced, runs of 11 or more digits (person identifiers) masked, and the detail cut at 300 characters.
    public var summary: String {
        var parts: [String] = []
        if let status { parts.append(String(status)) }
        if let title { parts.append(Self.loggable(title, limit: 100)) }
        if let type, type != "about:blank" { parts.append("[\(Self.loggable(type, limit: 200))]") }
        if let detail { parts.append(Self.loggable(detail, limit: 300)) }
        return parts.isEmpty ? "problem without members" : parts.joined(separator: " ")
    }

    /// `text` on one line, person identifiers masked, at most `limit` characters.
    private static func loggable(_ text: String, limit: Int) -> String {
        var result = ""
        var digits = ""
        func flushDigits() {
            result += digits.count >= 11 ? String(repeating: "*", count: digits.count) : digits
            digits = ""
        }
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            flushDigits()
            result.append(character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
                          ? " " : character)
        }
        flushDigits()
        return result.count > limit ? String(result.prefix(limit)) + "…" : result
    }
}
