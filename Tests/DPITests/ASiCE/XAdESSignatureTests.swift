import Foundation
import PKI
import Testing
import TestSupport
@testable import DPI

/// Signatures made by our builder with the test PKI, checked by xmlsec1 (an independent XML-DSig
/// implementation) and by our own verifier; tampering must be caught by both.
@Suite struct XAdESSignatureTests {
    private let signingTime = Date(timeIntervalSince1970: 1_795_000_000.123)

    /// A small digital package: manifest, main document and two attachments (one name needs URI encoding).
    private func packageFiles() throws -> [(name: String, mimeType: String, contents: Data)] {
        let manifest = SDPManifest(
            mailboxAddress: "ola.nordmann#1234", sender: .init(organisation: "0192:991825827"),
            mainDocument: .init(.init(href: "letter.pdf", mimeType: "application/pdf"),
                                title: .init("Brev", language: "no")),
            attachments: [.init(.init(href: "vedlegg-1.txt", mimeType: "text/plain")),
                          .init(.init(href: "vedlegg 2.html", mimeType: "text/html"))])
        return [("manifest.xml", "application/xml", try manifest.xml()),
                ("letter.pdf", "application/pdf", Data("%PDF-1.4 test letter".utf8)),
                ("vedlegg-1.txt", "text/plain", Data("første vedlegg\n".utf8)),
                ("vedlegg 2.html", "text/html", Data("<p>andre</p>".utf8))]
    }

    private func sign(as party: String = "sender") throws -> (Data, [String: Data]) {
        let identity = try Identity(pkcs12File: try TestPKI.file("\(party).p12"), password: "changeit")
        let root = try Certificate(contentsOf: try TestPKI.file(party.hasPrefix("untrusted") ? "untrusted-root-ca.pem"
                                                                                               : "root-ca.pem"))
        let files = try packageFiles()
        let signature = XAdESSignature(
            files: files.map { .init(name: $0.name, mimeType: $0.mimeType, contents: $0.contents) },
            signingTime: signingTime)
        let signed = try signature.signed(by: identity, additionalCertificates: [root])
        var entries = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
        entries["mimetype"] = Data(ContainerManifest.packageMediaType.utf8)
        return (signed, entries)
    }

    /// Runs `xmlsec1 --verify` trusting only the test root. Each reference URI is mapped to its file with
    /// `--url-map:<file name> <path>` (xmlsec1 would otherwise resolve relative URIs against its working
    /// directory; it percent-decodes the URI before matching, so the key is the plain file name), and
    /// `--id-attr:Id SignedProperties` lets it resolve `#SignedProperties` (no schema declares the Id).
    private func xmlsec1(_ signatures: Data, _ files: [String: Data]) throws -> ChildProcess.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xades-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = ["--verify", "--trusted-pem", try TestPKI.file("root-ca.pem").path,
                         "--untrusted-pem", try TestPKI.file("intermediate-ca.pem").path,
                         "--id-attr:Id", "SignedProperties"]
        for (index, (name, contents)) in files.enumerated() where name != "mimetype" {
            let file = folder.appendingPathComponent("file-\(index)")
            try contents.write(to: file)
            arguments += ["--url-map:\(name)", file.path]
        }
        let signatureFile = folder.appendingPathComponent("signatures.xml")
        try signatures.write(to: signatureFile)
        return try ChildProcess.run("xmlsec1", arguments + [signatureFile.path])
    }

    private func trust() throws -> TrustStore {
        try TrustStore(pem: try Data(contentsOf: try TestPKI.file("trust-anchors.pem")))
    }

    @Test func ourSignatureVerifiesWithXmlsec1AndWithOurVerifier() throws {
        let (signatures, files) = try sign()
        let xmlsec = try xmlsec1(signatures, files)
        #expect(xmlsec.status == 0, "xmlsec1: \(xmlsec.stderr)")
        #expect(xmlsec.stderr.hasPrefix("OK"))
        #expect(xmlsec.stderr.contains("SignedInfo References (ok/all): 5/5"))

        let verified = try XAdESVerifier(trustStore: try trust()).verify(signatures, files: files)
        #expect(verified.signer.organisationNumber == "991825827")
        #expect(verified.chain.map(\.subject).allSatisfy { $0.contains("dpi-batch test") })
        #expect(verified.chain.count == 2)
        #expect(verified.files.map(\.name) == ["manifest.xml", "letter.pdf", "vedlegg-1.txt", "vedlegg 2.html"])
        #expect(verified.files.map(\.mimeType) == ["application/xml", "application/pdf", "text/plain", "text/html"])
        #expect(abs(verified.signingTime.timeIntervalSince(signingTime)) < 0.001)
    }

    @Test func aTamperedFileIsRejectedByBothAndOursNamesIt() throws {
        var (signatures, files) = try sign()
        files["vedlegg-1.txt"] = Data("andre innhold\n".utf8)
        let xmlsec = try xmlsec1(signatures, files)
        #expect(xmlsec.status != 0)
        #expect(xmlsec.stderr.contains("data and digest do not match"))
        let error = try #require(throws: DPIError.self) { try XAdESVerifier().verify(signatures, files: files) }
        #expect(error.code == .signatureDigestMismatch)
        #expect(error.field == "vedlegg-1.txt")
    }

    @Test func aChangedSigningTimeIsRejectedByBoth() throws {
        let (signatures, files) = try sign()
        let text = String(decoding: signatures, as: UTF8.self)
        let written = SigningTime.format(signingTime, in: TimeZone(secondsFromGMT: 0)!)
        try #require(text.contains("<SigningTime>\(written)</SigningTime>"))
        let changed = Data(text.replacingOccurrences(of: written, with: SigningTime.format(
            signingTime.addingTimeInterval(-60), in: TimeZone(secondsFromGMT: 0)!)).utf8)
        let xmlsec = try xmlsec1(changed, files)
        #expect(xmlsec.status != 0)
        #expect(xmlsec.stderr.contains("data and digest do not match"))
        let error = try #require(throws: DPIError.self) { try XAdESVerifier().verify(changed, files: files) }
        #expect(error.code == .signatureDigestMismatch)
        #expect(error.field == "SignedProperties")
    }

    @Test func aSignerFromAnUntrustedRootIsRejectedByBoth() throws {
        let (signatures, files) = try sign(as: "untrusted-sender")
        let xmlsec = try xmlsec1(signatures, files)
        #expect(xmlsec.status != 0)
        #expect(xmlsec.stderr.contains("certificate"), "xmlsec1: \(xmlsec.stderr)")
        _ = try XAdESVerifier().verify(signatures, files: files)   // intact, only untrusted
        let error = try #require(throws: PKIError.self) {
            try XAdESVerifier(trustStore: try trust()).verify(signatures, files: files)
        }
        #expect(error.code == .untrustedCertificate)
    }

    @Test func keyInfoHoldsSignerIntermediateAndRootOnce() throws {
        let (signatures, _) = try sign()
        let tree = try XMLTree(parsing: signatures, invalid: .malformedSignature, what: "test")
        let structure = try SignatureStructure(tree)
        let expected = try ["sender.cert.pem", "intermediate-ca.pem", "root-ca.pem"].map {
            try Certificate(contentsOf: try TestPKI.file($0)).der
        }
        #expect(structure.certificates == expected)
        #expect(structure.canonicalization == .c14n10)
        #expect(structure.signingTime == "2026-11-18T11:06:40.123Z")
    }

    @Test(arguments: [
        [("manifest.xml", 32), ("manifest.xml", 32)],
        [("manifest.xml", 32), ("META-INF/manifest.xml", 32)],
        [("mimetype", 32)],
        [("manifest.xml", 20)],
        [("", 32)],
        [],
    ])
    func badFileListsAreRefusedBeforeSigning(_ list: [(String, Int)]) throws {
        let identity = try Identity(pkcs12File: try TestPKI.file("sender.p12"), password: "changeit")
        let files = list.map { XAdESSignature.File(name: $0.0, mimeType: "application/xml", sha256: Data(count: $0.1)) }
        #expect(throws: DPIError(.invalidSignedFile, "")) {
            try XAdESSignature(files: files, signingTime: signingTime).signed(by: identity)
        }
    }
}
