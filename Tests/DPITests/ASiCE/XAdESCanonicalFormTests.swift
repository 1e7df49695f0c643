@testable import DPI
import Foundation
import Testing

/// The signer writes SignedInfo and SignedProperties straight in C14N form instead of parsing and
/// canonicalising its own document for every letter. These tests hold that shortcut to libxml2's C14N of
/// the written document, with values that need every kind of escaping.
@Suite struct XAdESCanonicalFormTests {
    static let awkwardValues: [(uri: String, mimeType: String, issuer: String)] = [
        ("manifest.xml", "application/xml", "CN=Buypass Class 3 Test4 CA 3, O=Buypass AS-983163327, C=NO"),
        ("vedlegg%202.html", "text/html; charset=\"utf-8\"", #"CN=A & B <Test> "CA", O=Ærlig Øst Å\#r\#nAS"#),
        ("a&b.txt", "text/plain\tx", "CN=x'y>z, OID.2.5.4.97=NTRNO-983163327"),
    ]

    @Test("the written canonical forms equal libxml2's C14N of the written document", arguments: awkwardValues)
    func writtenCanonicalFormsMatchLibxml2(uri: String, mimeType: String, issuer: String) throws {
        var document = XAdESDocument(
            references: [.init(uri: "manifest.xml", mimeType: "application/xml", sha256: Data(repeating: 1, count: 32)),
                         .init(uri: uri, mimeType: mimeType, sha256: Data(repeating: 2, count: 32))],
            signingTime: "2026-11-26T18:00:00.123+01:00",
            signer: XAdESSignerParts(certificates: [Data(repeating: 3, count: 300)],
                                     certificateDigest: Data(repeating: 4, count: 20).base64EncodedString(),
                                     issuerName: issuer, serialNumber: "2836039216632045589163741"))
        document.signedPropertiesDigest = Data(repeating: 5, count: 32)
        document.signatureValue = Data(repeating: 6, count: 256)

        let tree = try XMLTree(parsing: Data(document.text()), invalid: .malformedSignature, what: "test")
        let structure = try SignatureStructure(tree)
        #expect(try structure.signedInfo.canonical(.c14n10) == Data(document.signedInfo(.canonical)))
        #expect(try structure.signedProperties.canonical(.c14n10) == Data(document.signedProperties(.canonical)))
    }
}
