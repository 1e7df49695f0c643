/// Escaping of text and attribute values for the XML documents this module writes by hand, in the form the
/// reference sender (JAXB) and C14N both use, so that what we write canonicalises to itself.
enum XMLEscaping {
    /// Character data: `&`, `<` and `>` become entity references (spec 7.4, "escape `&`, `<`, `>` in text").
    static func text(_ value: String) -> String {
        escape(value) { character in
            switch character {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\r": return "&#13;"
            default: return nil
            }
        }
    }

    /// A double-quoted attribute value: `&`, `<` and `"` become entity references; tab, LF and CR become
    /// character references so that attribute-value normalisation on reading keeps them.
    static func attribute(_ value: String) -> String {
        escape(value) { character in
            switch character {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case "\"": return "&quot;"
            case "\t": return "&#9;"
            case "\n": return "&#10;"
            case "\r": return "&#13;"
            default: return nil
            }
        }
    }

    /// Character data as C14N writes it: `&`, `<`, `>` and CR escaped (CR as `&#xD;`).
    static func canonicalText(_ value: String) -> String {
        escape(value) { character in
            switch character {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\r": return "&#xD;"
            default: return nil
            }
        }
    }

    /// An attribute value as C14N writes it: `&`, `<`, `"` escaped, tab, LF and CR as hex character references.
    static func canonicalAttribute(_ value: String) -> String {
        escape(value) { character in
            switch character {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case "\"": return "&quot;"
            case "\t": return "&#x9;"
            case "\n": return "&#xA;"
            case "\r": return "&#xD;"
            default: return nil
            }
        }
    }

    private static func escape(_ value: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        guard value.unicodeScalars.contains(where: { replacement($0) != nil }) else { return value }
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            if let entity = replacement(scalar) {
                escaped += entity
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

extension XMLEscaping {
    /// Whether every character may appear in an XML 1.0 document at all (the `Char` production): control
    /// characters other than tab, LF and CR, and U+FFFE/U+FFFF, cannot even be escaped.
    static func isLegal(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xFFFD, 0x10000...: return true
            default: return false
            }
        }
    }
}
