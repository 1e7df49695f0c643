import Foundation

/// Splits structured header values such as `multipart/form-data; boundary="x"` or
/// `form-data; name="a"; filename="b.cms"` into a lowercased first token and its parameters.
enum HeaderValue {
    /// The value before the first `;` (trimmed, lowercased) and the `key=value` parameters after it.
    /// Keys are lowercased; quoted values are unquoted with backslash escapes resolved.
    static func split(_ value: String) -> (value: String, parameters: [String: String]) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in value {
            if escaped {
                current.append(character)
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let parameter = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            parameters[key] = parameters[key] ?? parameter
        }
        return (pieces[0].trimmingCharacters(in: .whitespaces).lowercased(), parameters)
    }
}
