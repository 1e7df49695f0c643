/// Escaping of text and attribute values for the XML documents this module writes by hand, in the form the
/// reference sender (JAXB) and C14N both use, so that what we write canonicalises to itself.
enum XMLEscaping {
    /// Appends character data: `&`, `<`, `>` and CR become references (spec 7.4, "escape `&`, `<`, `>` in
    /// text"; CR as `&#13;` in the document, `&#xD;` in C14N form).
    static func appendText(_ value: String, _ form: XMLForm, to out: inout [UInt8]) {
        append(value, to: &out) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\r"): form == .document ? "&#13;" : "&#xD;"
            default: nil
            }
        }
    }

    /// Appends a double-quoted attribute value: `&`, `<` and `"` become entity references; tab, LF and CR
    /// become character references so that attribute-value normalisation on reading keeps them (decimal in
    /// the document, hexadecimal in C14N form).
    static func appendAttribute(_ value: String, _ form: XMLForm, to out: inout [UInt8]) {
        append(value, to: &out) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "\t"): form == .document ? "&#9;" : "&#x9;"
            case UInt8(ascii: "\n"): form == .document ? "&#10;" : "&#xA;"
            case UInt8(ascii: "\r"): form == .document ? "&#13;" : "&#xD;"
            default: nil
            }
        }
    }

    /// Works on UTF-8 bytes: every character escaped is ASCII, and no byte of a multi-byte character is.
    /// Most values need no escape: they are checked over a span of the string's bytes (a closure per byte
    /// over the UTF-8 view cost a tenth of a letter's own work) and copied in one go.
    private static func append(_ value: String, to out: inout [UInt8], _ reference: (UInt8) -> String?) {
        let bytes = value.utf8
        let span = bytes.span
        var referenceNeeded = false
        for index in span.indices where span[index] < asciiPunctuationEnd && reference(span[index]) != nil {
            referenceNeeded = true
            break
        }
        guard referenceNeeded else {
            out.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            if let reference = reference(byte) {
                out.append(contentsOf: reference.utf8)
            } else {
                out.append(byte)
            }
        }
    }

    /// Every byte either table replaces is below `?`, so letters and most text skip the table.
    private static let asciiPunctuationEnd = UInt8(ascii: "?")
}

extension XMLEscaping {
    /// Whether every character may appear in an XML 1.0 document at all (the `Char` production): control
    /// characters other than tab, LF and CR, and U+FFFE/U+FFFF, cannot even be escaped.
    ///
    /// Read on the UTF-8 bytes (every letter's titles and file names are checked): a control character is
    /// one byte below 0x20, and U+FFFE/U+FFFF are EF BF BE/BF; a `String` holds no surrogates.
    static func isLegal(_ value: String) -> Bool {
        let bytes = value.utf8.span
        for index in bytes.indices {
            switch bytes[index] {
            case 0x9, 0xA, 0xD:
                continue
            case ..<0x20:
                return false
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                return false
            default:
                continue
            }
        }
        return true
    }
}
