/// The rules of `sdp-manifest.xsd` and of the package (spec 7.1, 7.2), checked before writing so that a
/// bad letter is rejected with the field at fault instead of being refused by the mailbox.
extension SDPManifest {
    func validate() throws {
        if let mailboxAddress {
            try Self.check(mailboxAddress, 1...Int.max, "manifest.mottaker.person.postkasseadresse")
        }
        try Self.checkOrganisation(sender.organisation)
        if let senderIdentifier = sender.senderIdentifier {
            try Self.check(senderIdentifier, 0...100, "manifest.avsender.avsenderidentifikator")
        }
        if let invoiceReference = sender.invoiceReference {
            try Self.check(invoiceReference, 0...40, "manifest.avsender.fakturaReferanse")
        }
        guard attachments.count <= Self.maximumAttachments else {
            throw DPIError(.invalidManifest, "a letter may have at most \(Self.maximumAttachments) attachments",
                           field: "manifest.vedlegg", details: "\(attachments.count) attachments")
        }
        try Self.check(mainDocument, "manifest.hoveddokument")
        for (index, attachment) in attachments.enumerated() {
            try Self.check(attachment, "manifest.vedlegg[\(index)]")
        }
        try checkUniqueNames()
    }

    private func checkUniqueNames() throws {
        var seen = Set<String>()
        for file in files {
            guard file.href != "manifest.xml", file.href != "mimetype", !file.href.hasPrefix("META-INF/") else {
                throw DPIError(.invalidManifest, "a document may not use a name the package reserves "
                               + "(manifest.xml, mimetype, META-INF/...)", field: "manifest.href")
            }
            guard seen.insert(file.href).inserted else {
                throw DPIError(.invalidManifest, "two files of the letter have the same name; names must be unique",
                               field: "manifest.href", details: file.href)
            }
        }
    }

    // Field names are autoclosures, made only for the error: every letter's manifest is checked.
    private static func check(_ document: Document, _ field: @autoclosure () -> String) throws {
        try check(document.file, field())
        if let title = document.title {
            try check(title.text, 1...255, field() + ".tittel")
            try check(title.language, 2...2, field() + ".tittel.lang")
        }
        if let data = document.data {
            try check(data, field() + ".data")
        }
    }

    private static func check(_ file: File, _ field: @autoclosure () -> String) throws {
        try check(file.href, 4...100, field() + ".href")
        try check(file.mimeType, 1...100, field() + ".mime")
    }

    /// `0192:` and nine digits: the schema allows any ISO 6523 identifier, DPI only Norwegian org numbers.
    private static func checkOrganisation(_ organisation: String) throws {
        let digits = organisation.utf8.dropFirst(5)
        guard organisation.hasPrefix("0192:"), digits.count == 9,
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw DPIError(.invalidManifest, "the sender organisation must be 0192: followed by a 9-digit org number",
                           field: "manifest.avsender.organisasjon", details: organisation)
        }
    }

    /// Length in characters (the XSD counts code points) and legal XML characters only.
    private static func check(_ value: String, _ length: ClosedRange<Int>, _ field: @autoclosure () -> String) throws {
        let count = value.unicodeScalars.count
        guard length.contains(count) else {
            let bounds = length.upperBound == Int.max ? "at least \(length.lowerBound)"
                : length.lowerBound == length.upperBound ? "exactly \(length.lowerBound)"
                : "\(length.lowerBound) to \(length.upperBound)"
            throw DPIError(.invalidManifest, "the value must be \(bounds) characters long", field: field(),
                           details: "\(count) characters")
        }
        guard XMLEscaping.isLegal(value) else {
            throw DPIError(.invalidManifest, "the value holds a control character XML cannot carry",
                           field: field())
        }
    }
}
