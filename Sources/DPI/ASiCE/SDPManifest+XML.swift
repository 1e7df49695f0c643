public import Foundation

extension SDPManifest {
    /// The manifest's namespace (`sdp-manifest.xsd`).
    static let namespace = "http://begrep.difi.no/sdp/schema_v10"

    /// Validates the manifest and writes `manifest.xml` as the reference sender does: an XML declaration
    /// with `standalone="yes"`, the root with a default namespace, no whitespace between elements, empty
    /// elements self-closed (spec 7.2). Throws `.invalidManifest` naming the field at fault.
    public func xml() throws -> Data {
        try validate()
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<manifest xmlns="\#(Self.namespace)">"#
        if let mailboxAddress {
            xml += "<mottaker><person><postkasseadresse>\(XMLEscaping.text(mailboxAddress))"
                + "</postkasseadresse></person></mottaker>"
        }
        xml += #"<avsender><organisasjon authority="iso6523-actorid-upis">"#
            + XMLEscaping.text(sender.organisation) + "</organisasjon>"
        if let senderIdentifier = sender.senderIdentifier {
            xml += "<avsenderidentifikator>\(XMLEscaping.text(senderIdentifier))</avsenderidentifikator>"
        }
        if let invoiceReference = sender.invoiceReference {
            xml += "<fakturaReferanse>\(XMLEscaping.text(invoiceReference))</fakturaReferanse>"
        }
        xml += "</avsender>"
        xml += Self.element("hoveddokument", mainDocument)
        for attachment in attachments {
            xml += Self.element("vedlegg", attachment)
        }
        xml += "</manifest>"
        return Data(xml.utf8)
    }

    private static func element(_ name: String, _ document: Document) -> String {
        let start = "<\(name)\(attributes(document.file))"
        guard document.title != nil || document.data != nil else { return start + "/>" }
        var xml = start + ">"
        if let title = document.title {
            xml += #"<tittel lang="\#(XMLEscaping.attribute(title.language))">"#
                + XMLEscaping.text(title.text) + "</tittel>"
        }
        if let data = document.data {
            xml += "<data\(attributes(data))/>"
        }
        return xml + "</\(name)>"
    }

    private static func attributes(_ file: File) -> String {
        #" href="\#(XMLEscaping.attribute(file.href))" mime="\#(XMLEscaping.attribute(file.mimeType))""#
    }
}
