extension LetterValidation {
    /// Document rules (spec 7.1, 7.5): one main document and at most `maximumAttachments` attachments, names of
    /// 4–100 characters from `A–Z a–z 0–9 . _ -` and unique (case-insensitively, as e-Boks compares them),
    /// allowed MIME types, titles of 1–255 characters, EHF only as the main document, and the size limit.
    func checkDocuments(_ documents: [LetterDocument], allowedTypes: Set<String>, _ findings: inout Findings) {
        findings.require(!documents.isEmpty, "documents", "letter has no main document")
        findings.require(documents.count <= limits.maximumAttachments + 1, "documents",
                         "letter has \(documents.count - 1) attachments, at most \(limits.maximumAttachments) allowed")
        var seen: Set<String> = []
        for (index, document) in documents.enumerated() {
            func field(_ name: String) -> String { "documents[\(index)].\(name)" }
            let name = document.fileName
            findings.require((4...100).contains(name.utf8.count), field("fileName"),
                             "file name must have 4–100 characters, has \(name.utf8.count)")
            findings.require(name.utf8.allSatisfy(Self.isFileNameByte), field("fileName"),
                             "file name may contain only A–Z, a–z, 0–9, '.', '_' and '-'")
            findings.require(seen.insert(name.lowercased()).inserted, field("fileName"),
                             "file name is used by an earlier document of the letter")
            findings.require(allowedTypes.contains(document.mimeType), field("mimeType"),
                             "MIME type \(document.mimeType) is not allowed here")
            findings.require(document.mimeType != DocumentTypes.ehf || index == 0, field("mimeType"),
                             "an EHF invoice must be the main document")
            if let title = document.title {
                findings.requireLength(title, 1...255, field("title"), "document title")
            }
            findings.require(document.byteCount > 0, field("byteCount"), "document is empty")
        }
        let total = documents.reduce(0) { $0 + max(0, $1.byteCount) }
        findings.require(total <= limits.maximumTotalBytes, "documents",
                         "documents total \(total) bytes, more than the \(limits.maximumTotalBytes) allowed")
    }

    private static func isFileNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }
}
