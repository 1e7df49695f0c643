import Foundation

/// How a part of a hand-written XML document is spelled: as it stands in the file, or in C14N 1.0 form
/// (empty elements as start-end pairs, C14N's escapes), which is what canonicalising the file yields.
enum XMLForm {
    case document
    case canonical
}

/// A hand-written XML document (or a part of one) built as UTF-8 bytes in one growing buffer, spelled in
/// `form`. The package's XML files are written for every letter, so markup, escaped values and base64 go
/// straight into the buffer, without the intermediate strings interpolation and `+=` would make.
struct XMLWriter {
    let form: XMLForm
    private(set) var bytes: [UInt8] = []

    /// An empty document with room for `capacity` bytes, so the buffer is allocated once.
    init(_ form: XMLForm = .document, capacity: Int) {
        self.form = form
        bytes.reserveCapacity(capacity)
    }

    /// Markup written as it is: tags, attribute names, constant attribute values.
    mutating func markup(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Markup prepared earlier as bytes (the signer's certificates, say).
    mutating func markup(_ prepared: [UInt8]) {
        bytes.append(contentsOf: prepared)
    }

    /// The bytes written so far, leaving the writer empty for the next part (parts prepared in advance).
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// An element without content but an `Algorithm` attribute, as XML-DSig's method elements are.
    mutating func empty(_ name: String, algorithm: String) {
        markup("<")
        markup(name)
        markup(#" Algorithm=""#)
        attributeValue(algorithm)
        if form == .document {
            markup(#""/>"#)
        } else {
            markup(#""></"#)
            markup(name)
            markup(">")
        }
    }

    /// Character data, escaped as this form spells it.
    mutating func text(_ value: String) {
        XMLEscaping.appendText(value, form, to: &bytes)
    }

    /// A double-quoted attribute value (without the quotes), escaped as this form spells it.
    mutating func attributeValue(_ value: String) {
        XMLEscaping.appendAttribute(value, form, to: &bytes)
    }

    /// Base64 in lines of 76 characters joined by CR LF, the CR written as `&#13;` (Java's MIME encoder as
    /// the reference's XML writer leaves it). Outside the signed data, but kept for a like-for-like file.
    mutating func wrappedBase64(_ data: Data) {
        let base64 = Base64Table.standard.paddedBytes(data)
        bytes.reserveCapacity(bytes.count + base64.count + base64.count / 76 * 6)
        for start in stride(from: 0, to: base64.count, by: 76) {
            if start > 0 { markup("&#13;\n") }
            bytes.append(contentsOf: base64[start..<min(start + 76, base64.count)])
        }
    }
}
