import Foundation

extension PipelineDefinition {
    /// The top-level sections as read from JSON, before validation. A section whose JSON has the wrong
    /// shape (a string where a number belongs) is recorded as a problem at the failing field and
    /// replaced by its defaults, so the other sections are still read and validated.
    struct Sections: Decodable {
        var name: String?
        var sender = Sender()
        var letter = Letter()
        var print = Print()
        var throughput = Throughput()
        var schedule = Schedule()
        var baseDirectory: String?
        var problems: [PipelineError.Problem] = []

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = read(String.self, .name, in: container)
            sender = read(Sender.self, .sender, in: container) ?? sender
            letter = read(Letter.self, .letter, in: container) ?? letter
            print = read(Print.self, .print, in: container) ?? print
            throughput = read(Throughput.self, .throughput, in: container) ?? throughput
            schedule = read(Schedule.self, .schedule, in: container) ?? schedule
            baseDirectory = read(String.self, .baseDirectory, in: container)
        }

        private mutating func read<T: Decodable>(_ type: T.Type, _ key: CodingKeys,
                                                 in container: KeyedDecodingContainer<CodingKeys>) -> T? {
            do {
                return try container.decodeIfPresent(type, forKey: key)
            } catch {
                let path = Self.path(of: error) ?? key.stringValue
                problems.append(.init(field: path.isEmpty ? key.stringValue : path, message: Self.describe(error)))
                return nil
            }
        }

        /// The field path a decoding error happened at, e.g. `letter.attachments[0].title`.
        static func path(of error: any Error) -> String? {
            guard let error = error as? DecodingError else { return nil }
            var codingPath: [any CodingKey]
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                codingPath = context.codingPath
            case .keyNotFound(let key, let context):
                codingPath = context.codingPath + [key]
            @unknown default:
                return nil
            }
            var path = ""
            for key in codingPath {
                if let index = key.intValue {
                    path += "[\(index)]"
                } else {
                    path += (path.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return path
        }

        /// What a decoding error means for the user: the expected kind of value, or the rule broken.
        static func describe(_ error: any Error) -> String {
            guard let error = error as? DecodingError else { return "cannot be read: \(error)" }
            switch error {
            case .typeMismatch(let type, _), .valueNotFound(let type, _):
                return "must be " + kind(of: type)
            case .keyNotFound:
                return "required"
            case .dataCorrupted(let context):
                return context.debugDescription
            @unknown default:
                return "cannot be read"
            }
        }

        /// Where `json` stops being JSON, as JSONSerialization finds it, with the line and column of that
        /// character (`JSONDecoder` on Linux says only that the data is not JSON).
        static func syntaxProblem(in json: Data) -> String {
            do {
                _ = try JSONSerialization.jsonObject(with: json, options: .fragmentsAllowed)
                return "not valid JSON"
            } catch {
                let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
                guard let marker = detail.range(of: "character "),
                      let offset = Int(detail[marker.upperBound...].prefix(while: \.isNumber))
                else { return "not valid JSON: \(detail)" }
                let before = json.prefix(offset)
                let line = before.count { $0 == UInt8(ascii: "\n") } + 1
                let column = before.count - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
                return "not valid JSON at line \(line), column \(column): \(detail)"
            }
        }

        private static func kind(of type: Any.Type) -> String {
            switch type {
            case is String.Type: "a string"
            case is Int.Type: "a whole number"
            case is Double.Type: "a number"
            case is Bool.Type: "true or false"
            case is [Any].Type: "an array"
            case is [String: Any].Type: "an object"
            default: "a value of another type (\(type))"
            }
        }
    }
}
