public import Foundation

/// The ODF-style container manifest `META-INF/manifest.xml` (spec 7.3): one `file-entry` for the package
/// itself, one for `manifest.xml` and one per document. Not covered by the signature; the DPI profile text
/// says to leave it out, but every official example has it, so we write it exactly as the reference does.
public struct ContainerManifest: Sendable, Equatable {
    /// The ODF manifest namespace, bound to the prefix `ns1` as in the reference.
    static let namespace = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    /// The ASiC-E container's MIME type: the `mimetype` entry's content and the `/` entry's media type.
    public static let packageMediaType = "application/vnd.etsi.asic-e+zip"

    /// The document files after `manifest.xml`, in package order.
    public var documents: [SDPManifest.File]

    /// A container manifest listing `documents` (not `manifest.xml`, which is always listed first).
    public init(documents: [SDPManifest.File]) {
        self.documents = documents
    }

    /// The container manifest of the package described by `manifest`.
    public init(for manifest: SDPManifest) {
        self.init(documents: manifest.files)
    }

    /// `META-INF/manifest.xml` in the reference's exact layout: XML declaration with `standalone="yes"`,
    /// 4-space indented entries, LF line ends and a final LF.
    public func xml() -> Data {
        var xml = XMLWriter(capacity: 512 + 128 * documents.count)
        xml.markup(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\#n"#)
        xml.markup(#"<ns1:manifest xmlns:ns1=""#)
        xml.markup(Self.namespace)
        xml.markup(#"">\#n"#)
        writeEntry(href: "/", mimeType: Self.packageMediaType, to: &xml)
        writeEntry(href: "manifest.xml", mimeType: "application/xml", to: &xml)
        for document in documents {
            writeEntry(href: document.href, mimeType: document.mimeType, to: &xml)
        }
        xml.markup("</ns1:manifest>\n")
        return Data(xml.bytes)
    }

    private func writeEntry(href: String, mimeType: String, to xml: inout XMLWriter) {
        xml.markup(#"    <ns1:file-entry ns1:full-path=""#)
        xml.attributeValue(href)
        xml.markup(#"" ns1:media-type=""#)
        xml.attributeValue(mimeType)
        xml.markup(#""/>\#n"#)
    }
}
