import Foundation
import PKI
import Testing
@testable import DPI

/// Our libxml2 C14N, applied to the official `digital` example in document context, must give exactly the
/// canonical bytes of spec Appendix A, whose digests and signature the example carries.
@Suite struct CanonicalFormTests {
    /// The one-line canonical form in Appendix A that starts with `prefix`.
    private func appendixLine(startingWith prefix: String) throws -> String {
        let spec = try Reference.spec
        let appendix = try #require(spec.range(of: "## Appendix A"))
        return try #require(spec[appendix.upperBound...].split(separator: "\n").first { $0.hasPrefix(prefix) }
            .map(String.init))
    }

    private func digitalStructure() throws -> SignatureStructure {
        let tree = try XMLTree(parsing: try OfficialPackage.digital.signatures, invalid: .malformedSignature,
                               what: "example")
        return try SignatureStructure(tree)
    }

    @Test func signedPropertiesCanonicalisesToAppendixABytesAndDigest() throws {
        let canonical = try digitalStructure().signedProperties.canonical(.c14n10)
        #expect(String(decoding: canonical, as: UTF8.self) == (try appendixLine(startingWith: "<SignedProperties ")))
        #expect(Digest.sha256(canonical).base64EncodedString() == "6trpuncukmC/KSevMkVwePDTav5VmqGibwrCr+vAhQA=")
    }

    @Test func signedInfoCanonicalisesToAppendixABytesThatTheExampleSignatureSigns() throws {
        let structure = try digitalStructure()
        let canonical = try structure.signedInfo.canonical(structure.canonicalization)
        #expect(String(decoding: canonical, as: UTF8.self) == (try appendixLine(startingWith: "<SignedInfo ")))
        let signer = try Certificate(der: try #require(structure.certificates.first))
        #expect(signer.verifyRSASHA256(signature: structure.signatureValue, data: canonical))
    }

    @Test func appendixAFileAndCertificateDigestsMatchTheExample() throws {
        let package = OfficialPackage.digital
        #expect(Digest.sha256(try package.entry("manifest.xml")).base64EncodedString()
            == "fsYagZyLUUBLd/W90BgEk1UXCpoB2ZSnVBIV5/ncp4s=")
        #expect(Digest.sha256(try package.entry("Test.txt")).base64EncodedString()
            == "Uy6qvZV0iA2/drm4zACDLCCm7BE9aCKZVQ16bg80XiU=")
        let structure = try digitalStructure()
        #expect(Digest.sha1(try #require(structure.certificates.first)).base64EncodedString()
            == "YcP8iUkr83Fh+RA9FKx8DxwXQOk=")
    }

    @Test func canonicalisationRendersInheritedNamespacesOnTheApexAndExpandsEmptyElements() throws {
        let xml = #"<a xmlns="urn:a" xmlns:p="urn:p"><b Id="x" z="1" a="2"><p:c/></b><d/></a>"#
        let tree = try XMLTree(parsing: Data(xml.utf8), invalid: .malformedSignature, what: "test")
        let b = try #require(tree.root?.children.first)
        let canonical = String(decoding: try b.canonical(.c14n10), as: UTF8.self)
        #expect(canonical == #"<b xmlns="urn:a" xmlns:p="urn:p" Id="x" a="2" z="1"><p:c></p:c></b>"#)
    }
}
