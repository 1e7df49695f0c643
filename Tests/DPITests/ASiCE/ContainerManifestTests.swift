import Foundation
import Testing
import DPI

/// `META-INF/manifest.xml` exactly as in the official examples.
@Suite struct ContainerManifestTests {
    @Test(arguments: SDPManifestTests.examples)
    func reproducesTheOfficialContainerManifestByteForByte(_ scenario: String, _ manifest: SDPManifest) throws {
        let package = try #require(OfficialPackage.all.first { $0.scenario == scenario })
        #expect(ContainerManifest(for: manifest).xml() == (try package.entry("META-INF/manifest.xml")))
    }

    @Test func listsEveryDocumentAfterManifestXmlWithEscapedNames() {
        let xml = ContainerManifest(documents: [.init(href: "brev.pdf", mimeType: "application/pdf"),
                                                .init(href: "a&b.txt", mimeType: "text/plain")]).xml()
        let lines = String(decoding: xml, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines[4] == #"    <ns1:file-entry ns1:full-path="brev.pdf" ns1:media-type="application/pdf"/>"#)
        #expect(lines[5] == #"    <ns1:file-entry ns1:full-path="a&amp;b.txt" ns1:media-type="text/plain"/>"#)
    }
}
