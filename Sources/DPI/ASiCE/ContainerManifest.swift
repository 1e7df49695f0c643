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
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<ns1:manifest xmlns:ns1="\#(Self.namespace)">"# + "\n"
        let entries = [SDPManifest.File(href: "/", mimeType: Self.packageMediaType),
                       SDPManifest.File(href: "manifest.xml", mimeType: "application/xml")] + documents
        for entry in entries {
            xml += #"    <ns1:file-entry ns1:full-path="\#(XMLEscaping.attribute(entry.href))""#
                + #" ns1:media-type="\#(XMLEscaping.attribute(entry.mimeType))"/>"# + "\n"
        }
        xml += "</ns1:manifest>\n"
        return Data(xml.utf8)
    }
}
