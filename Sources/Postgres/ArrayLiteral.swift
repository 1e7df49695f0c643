/// PostgreSQL's text format for one-dimensional arrays (`{a,"b,c",NULL}`), both ways.
///
/// Output rules from the manual, "8.15.6 Array Input and Output Syntax": elements are separated by commas;
/// an element is double-quoted when it is empty, `NULL`, or holds braces, commas, quotes, backslashes or
/// white space; inside quotes `"` and `\` are backslash-escaped; an unquoted `NULL` is SQL NULL.
enum ArrayLiteral {
    /// Formats elements, always quoting them so that no element text can be misread; nil becomes NULL.
    static func text(for elements: [String?]) -> String {
        var text = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { text += "," }
            guard let element else {
                text += "NULL"
                continue
            }
            text += "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { text += "\\" }
                text.unicodeScalars.append(character)
            }
            text += "\""
        }
        return text + "}"
    }

    /// Splits a one-dimensional array's output into element texts (nil for NULL).
    static func elements(of text: String) throws -> [String?] {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "[") {  // explicit bounds such as "[0:1]={a,b}"
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { throw malformed }
            bytes = bytes[(equals + 1)...]
        }
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { throw malformed }
        bytes = bytes.dropFirst().dropLast()
        if bytes.isEmpty { return [] }
        if bytes.first == UInt8(ascii: "{") {
            throw TextFormatError(description: "multi-dimensional arrays are not supported")
        }
        var elements: [String?] = []
        var current: [UInt8] = []
        var quoted = false, wasQuoted = false, escaped = false
        for byte in bytes {
            if escaped {
                current.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                quoted.toggle()
                wasQuoted = true
            } else if byte == UInt8(ascii: ","), !quoted {
                elements.append(element(current, wasQuoted: wasQuoted))
                current = []
                wasQuoted = false
            } else {
                current.append(byte)
            }
        }
        guard !quoted, !escaped else { throw malformed }
        elements.append(element(current, wasQuoted: wasQuoted))
        return elements
    }

    private static let malformed = TextFormatError(description: "not a one-dimensional array literal")

    private static func element(_ bytes: [UInt8], wasQuoted: Bool) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return !wasQuoted && text.uppercased() == "NULL" ? nil : text
    }
}
