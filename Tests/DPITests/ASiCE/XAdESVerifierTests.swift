import Foundation
import PKI
import Testing
@testable import DPI

/// Our verifier against the official example packages, and the failures it must tell apart.
@Suite struct XAdESVerifierTests {
    /// A trust store holding the example's own root (the last KeyInfo certificate), so that the whole chain
    /// check runs. The example certificates have expired since: `validAt` is a fixed clock inside their validity.
    private func exampleTrust(_ package: OfficialPackage) throws -> TrustStore {
        let unchecked = try XAdESVerifier().verify(try package.signatures, files: try package.entries(),
                                                   at: package.validAt)
        return try TrustStore(anchors: [try #require(unchecked.chain.last)])
    }

    @Test(arguments: OfficialPackage.all)
    func acceptsTheOfficialExamplePackages(_ package: OfficialPackage) throws {
        let verifier = XAdESVerifier(trustStore: try exampleTrust(package))
        let verified = try verifier.verify(try package.signatures, files: try package.entries(), at: package.validAt)
        #expect(verified.signer.serialNumber == package.signerSerial)
        #expect(verified.signer.organisationNumber == package.signerOrganisation)
        #expect(verified.chain.count == 2)
        #expect(verified.files.map(\.name) == ["manifest.xml", package.scenario == "utskrift" ? "my.pdf" : "Test.txt"])
        #expect(verified.files.first?.mimeType == "application/xml")
        #expect(abs(verified.signingTime.timeIntervalSince(package.validAt)) < 3600)
    }

    @Test func theExpiredExampleChainFailsTrustAtTheRealTime() throws {
        let package = OfficialPackage.digital
        let verifier = XAdESVerifier(trustStore: try exampleTrust(package))
        let error = try #require(throws: PKIError.self) {
            try verifier.verify(try package.signatures, files: try package.entries(),
                                at: package.validAt.addingTimeInterval(5 * 365 * 86400))
        }
        #expect(error.code == .certificateExpired)
    }

    @Test func aTamperedFileIsNamed() throws {
        var files = try OfficialPackage.digital.entries()
        files["Test.txt"] = Data("Tess".utf8)
        let error = try #require(throws: DPIError.self) {
            try XAdESVerifier().verify(try OfficialPackage.digital.signatures, files: files)
        }
        #expect(error.code == .signatureDigestMismatch)
        #expect(error.field == "Test.txt")
    }

    @Test func anUnsignedExtraFileIsAMissingReference() throws {
        var files = try OfficialPackage.digital.entries()
        files["extra.pdf"] = Data("%PDF".utf8)
        files["META-INF/other.xml"] = Data("<x/>".utf8)   // META-INF is never signed: not reported
        let error = try #require(throws: DPIError.self) {
            try XAdESVerifier().verify(try OfficialPackage.digital.signatures, files: files)
        }
        #expect(error.code == .missingSignatureReference)
        #expect(error.field == "extra.pdf")
    }

    @Test func aReferenceToAFileThePackageLacksIsAnExtraReference() throws {
        var files = try OfficialPackage.digital.entries()
        files["Test.txt"] = nil
        let error = try #require(throws: DPIError.self) {
            try XAdESVerifier().verify(try OfficialPackage.digital.signatures, files: files)
        }
        #expect(error.code == .extraSignatureReference)
        #expect(error.field == "Test.txt")
    }

    @Test func aChangedSigningTimeBreaksTheSignedPropertiesDigest() throws {
        let changed = try replacing("2022-03-16T14:16:08.883+01:00", with: "2022-03-16T14:16:09.883+01:00")
        let error = try #require(throws: DPIError.self) {
            try XAdESVerifier().verify(changed, files: try OfficialPackage.digital.entries())
        }
        #expect(error.code == .signatureDigestMismatch)
        #expect(error.field == "SignedProperties")
    }

    @Test func aChangedReferenceDigestInSignedInfoBreaksTheSignatureValue() throws {
        // Test.txt's reference now claims the digest of manifest.xml; make the package agree, so only the
        // signature over SignedInfo can notice.
        var files = try OfficialPackage.digital.entries()
        files["Test.txt"] = files["manifest.xml"]
        let changed = try replacing("Uy6qvZV0iA2/drm4zACDLCCm7BE9aCKZVQ16bg80XiU=",
                                    with: "fsYagZyLUUBLd/W90BgEk1UXCpoB2ZSnVBIV5/ncp4s=")
        #expect(throws: DPIError(.badSignatureValue, "")) {
            try XAdESVerifier().verify(changed, files: files)
        }
    }

    @Test func aCertificateDigestThatIsNotTheSignersIsRejected() throws {
        let changed = try replacing("YcP8iUkr83Fh+RA9FKx8DxwXQOk=", with: "saLTQ47OC3DhlEWou7f3TECVKU4=")
        // The SignedProperties digest would catch this first; recompute it as an attacker could not.
        let tree = try XMLTree(parsing: changed, invalid: .malformedSignature, what: "test")
        let structure = try SignatureStructure(tree)
        let newDigest = Digest.sha256(try structure.signedProperties.canonical(.c14n10)).base64EncodedString()
        let resealed = Data(String(decoding: changed, as: UTF8.self)
            .replacingOccurrences(of: "6trpuncukmC/KSevMkVwePDTav5VmqGibwrCr+vAhQA=", with: newDigest).utf8)
        #expect(throws: DPIError(.certificateDigestMismatch, "")) {
            try XAdESVerifier().verify(resealed, files: try OfficialPackage.digital.entries())
        }
    }

    @Test(arguments: [
        "not xml at all",
        #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]>"#
            + #"<XAdESSignatures xmlns="http://uri.etsi.org/02918/v1.2.1#"/>"#,
        #"<XAdESSignatures xmlns="http://uri.etsi.org/02918/v1.2.1#"/>"#,
        #"<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>"#,
    ])
    func garbageAndForeignStructuresAreMalformed(_ text: String) throws {
        #expect(throws: DPIError(.malformedSignature, "")) {
            try XAdESVerifier().verify(Data(text.utf8), files: try OfficialPackage.digital.entries())
        }
    }

    @Test(arguments: [
        ("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2000/09/xmldsig#rsa-sha1"),
        (#"<Reference Id="ID_1" URI="Test.txt">"#, #"<Reference Id="ID_1" URI="http://example.com/Test.txt">"#),
        (##"URI="#SignedProperties""##, ##"URI="#Elsewhere""##),
        ("<KeyInfo>", "<KeyInfo><KeyName>x</KeyName>"),
    ])
    func departuresFromTheProfileAreMalformed(_ change: (String, String)) throws {
        let changed = try replacing(change.0, with: change.1)
        #expect(throws: DPIError(.malformedSignature, "")) {
            try XAdESVerifier().verify(changed, files: try OfficialPackage.digital.entries())
        }
    }

    /// The digital example's signatures.xml with one text replaced (which must occur).
    private func replacing(_ old: String, with new: String) throws -> Data {
        let text = String(decoding: try OfficialPackage.digital.signatures, as: UTF8.self)
        try #require(text.contains(old))
        return Data(text.replacingOccurrences(of: old, with: new).utf8)
    }
}
