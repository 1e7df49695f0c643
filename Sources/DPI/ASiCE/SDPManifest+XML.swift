public import Foundation

extension SDPManifest {
    /// The manifest's namespace (`sdp-manifest.xsd`).
    static let namespace = "http://begrep.difi.no/sdp/schema_v10"

    /// Validates the manifest and writes `manifest.xml` as the reference sender does: an XML declaration
    /// with `standalone="yes"`, the root with a default namespace, no whitespace between elements, empty
    /// elements self-closed (spec 7.2). Throws `.invalidManifest` naming the field at fault.
    public func xml() throws -> Data {
        try validate()
        var xml = XMLWriter(capacity: 1024)
        xml.markup(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><manifest xmlns=""#)
        xml.markup(Self.namespace)
        xml.markup(#"">"#)
        if let mailboxAddress {
            xml.markup("<mottaker><person><postkasseadresse>")
            xml.text(mailboxAddress)
            xml.markup("</postkasseadresse></person></mottaker>")
        }
        xml.markup(#"<avsender><organisasjon authority="iso6523-actorid-upis">"#)
        xml.text(sender.organisation)
        xml.markup("</organisasjon>")
        if let senderIdentifier = sender.senderIdentifier {
            xml.markup("<avsenderidentifikator>")
            xml.text(senderIdentifier)
            xml.markup("</avsenderidentifikator>")
        }
        if let invoiceReference = sender.invoiceReference {
            xml.markup("<fakturaReferanse>")
            xml.text(invoiceReference)
            xml.markup("</fakturaReferanse>")
        }
        xml.markup("</avsender>")
        Self.write("hoveddokument", mainDocument, to: &xml)
        for attachment in attachments {
            Self.write("vedlegg", attachment, to: &xml)
        }
        xml.markup("</manifest>")
        return Data(xml.bytes)
    }

    private static func write(_ name: String, _ document: Document, to xml: inout XMLWriter) {
        xml.markup("<")
        xml.markup(name)
        writeAttributes(document.file, to: &xml)
        guard document.title != nil || document.data != nil else {
            xml.markup("/>")
            return
        }
        xml.markup(">")
        if let title = document.title {
            xml.markup(#"<tittel lang=""#)
            xml.attributeValue(title.language)
            xml.markup(#"">"#)
            xml.text(title.text)
            xml.markup("</tittel>")
        }
        if let data = document.data {
            xml.markup("<data")
            writeAttributes(data, to: &xml)
            xml.markup("/>")
        }
        xml.markup("</")
        xml.markup(name)
        xml.markup(">")
    }

    private static func writeAttributes(_ file: File, to xml: inout XMLWriter) {
        xml.markup(#" href=""#)
        xml.attributeValue(file.href)
        xml.markup(#"" mime=""#)
        xml.attributeValue(file.mimeType)
        xml.markup(#"""#)
    }
}
