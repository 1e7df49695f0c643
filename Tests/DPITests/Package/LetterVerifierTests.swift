import DPI
import Foundation
import PKI
import Testing
import TestSupport

/// What corner 4 checks (spec 15): our sealed letters pass, and each kind of tampering or mistake is caught
/// with its own error code.
@Suite("Package: verifying a letter as corner 4")
struct LetterVerifierTests {
    @Test("a sealed digital letter with attachments verifies at Digipost with its documents and manifest")
    func digitalRoundTrip() throws {
        let letter = try PackageFixtures.sealDigital()
        let verified = try PackageFixtures.letterVerifier(for: "digipost").verify(jwt: letter.jwt, cms: letter.cms)
        #expect(verified.message.type == .digital)
        #expect(verified.message.messageId == letter.messageId)
        #expect(verified.message.conversationId == letter.conversationId)
        #expect(verified.manifest.mailboxAddress == "ola.nordmann#8HC7")
        #expect(verified.manifest.sender == .init(organisation: "0192:991825827", senderIdentifier: "991825827:skatt",
                                                  invoiceReference: "faktura-7"))
        #expect(verified.manifest.mainDocument.title == .init("Vedtak om skatt", language: "no"))
        #expect(verified.documents.map(\.href) == PackageFixtures.documents.map(\.fileName))
        #expect(verified.documents.map(\.mimeType) == PackageFixtures.documents.map(\.mimeType))
        for (file, expected) in zip(verified.documents, [PackageFixtures.mainDocument] + PackageFixtures.attachments) {
            #expect(try verified.package.contents(of: file.href) == expected)
        }
        #expect(verified.package.signer.der == verified.jws.signer?.der)
    }

    @Test("a sealed print letter verifies at the print provider, with no mottaker in its manifest")
    func printRoundTrip() throws {
        let letter = try PackageFixtures.sealPrint()
        let verified = try PackageFixtures.letterVerifier(for: "print").verify(jwt: letter.jwt, cms: letter.cms)
        #expect(verified.message.type == .utskrift)
        #expect(verified.manifest.mailboxAddress == nil)
        #expect(verified.documents.map(\.href) == ["brev.pdf"])
    }

    @Test("a flipped byte in the CMS is a fingerprint mismatch")
    func flippedCMSByte() throws {
        let letter = try PackageFixtures.sealDigital()
        var cms = letter.cms
        cms[cms.count / 2] ^= 0x01
        try expect(.fingerprintMismatch, jwt: letter.jwt, cms: cms)
    }

    @Test("a payload field changed without re-signing is a bad JWS signature")
    func changedPayload() throws {
        let letter = try PackageFixtures.sealDigital()
        var parts = letter.jwt.split(separator: ".").map(String.init)
        let payload = try #require(Base64URL.decode(parts[1]))
        let changed = String(decoding: payload, as: UTF8.self)
            .replacingOccurrences(of: "ola.nordmann#8HC7", with: "kari.nordmann#1234")
        #expect(Data(changed.utf8) != payload)
        parts[1] = Base64URL.encode(Data(changed.utf8))
        try expect(.badJWSSignature, jwt: parts.joined(separator: "."), cms: letter.cms)
    }

    @Test("a correctly signed message carrying another package's fingerprint is a fingerprint mismatch")
    func wrongFingerprintSigned() throws {
        let letter = try PackageFixtures.sealDigital()
        let jwt = try PackageFixtures.resign(PackageFixtures.message(of: letter),
                                             fingerprint: PackageFingerprint(cms: Data("another package".utf8)))
        try expect(.fingerprintMismatch, jwt: jwt, cms: letter.cms)
    }

    @Test("a letter signed by a certificate from an untrusted CA, or an expired one, is rejected as such",
          arguments: [("untrusted-sender", DPIError.Code.untrustedJWSSigner), ("expired-sender", .expiredJWSSigner)])
    func signerNotAcceptable(signer: String, expected: DPIError.Code) throws {
        let letter = try PackageFixtures.sealDigital(signer: signer)
        try expect(expected, jwt: letter.jwt, cms: letter.cms)
    }

    @Test("a package encrypted to e-Boks cannot be opened with Digipost's key")
    func encryptedToAnotherProvider() throws {
        let letter = try PackageFixtures.sealDigital(recipient: "eboks")
        try expect(.packageDecryptionFailed, jwt: letter.jwt, cms: letter.cms)
    }

    @Test("a letter addressed to Digipost is refused by e-Boks")
    func addressedToAnotherProvider() throws {
        let letter = try PackageFixtures.sealDigital(recipient: "eboks")
        let error = #expect(throws: DPIError.self) {
            try PackageFixtures.letterVerifier(for: "eboks").verify(jwt: letter.jwt, cms: letter.cms)
        }
        #expect(error?.code == .wrongMessageReceiver)
    }

    @Test("a document altered inside the package (re-encrypted, fingerprint re-signed) is a digest mismatch naming it")
    func tamperedDocument() throws {
        let (jwt, cms) = try repackage(PackageFixtures.sealDigital()) { package in
            package["vedlegg-1.txt"] = Data("Vedlegg én: endret\n".utf8)
        }
        let error = try expect(.signatureDigestMismatch, jwt: jwt, cms: cms)
        #expect(error?.field == "vedlegg-1.txt")
    }

    @Test("a package signed by another certificate than the message is a signer mismatch")
    func packageSignedByAnother() throws {
        let (jwt, cms) = try repackage(PackageFixtures.sealDigital()) { package in
            try package.resign(by: PackageFixtures.identity("untrusted-sender"), mimeTypes: Self.mimeTypes)
        }
        try expect(.packageSignerMismatch, jwt: jwt, cms: cms)
    }

    @Test("a manifest whose avsender or mailbox address differs from the message is rejected",
          arguments: [("991825827:skatt", "991825827:annen", DPIError.Code.manifestSenderMismatch),
                      ("ola.nordmann#8HC7", "kari.nordmann#1234", .manifestRecipientMismatch)])
    func manifestDisagrees(original: String, replacement: String, expected: DPIError.Code) throws {
        let (jwt, cms) = try repackage(PackageFixtures.sealDigital()) { package in
            let manifest = String(decoding: try #require(package["manifest.xml"]), as: UTF8.self)
            #expect(manifest.contains(original))
            package["manifest.xml"] = Data(manifest.replacingOccurrences(of: original, with: replacement).utf8)
            try package.resign(by: PackageFixtures.identity("sender"), mimeTypes: Self.mimeTypes)
        }
        try expect(expected, jwt: jwt, cms: cms)
    }

    private static var mimeTypes: [String: String] {
        var types = ["manifest.xml": "application/xml"]
        for document in PackageFixtures.documents { types[document.fileName] = document.mimeType }
        return types
    }

    /// Decrypts the letter's package as Digipost, changes it, encrypts it to Digipost again and signs the
    /// message anew with the new fingerprint: only the change is wrong.
    private func repackage(_ letter: SealedLetter, _ change: (inout PackageEntries) throws -> Void) throws
        -> (jwt: String, cms: Data) {
        let digipost = try PackageFixtures.identity("digipost")
        var package = try PackageEntries(zip: CMSEnvelope.decrypt(letter.cms, with: digipost.privateKey))
        try change(&package)
        let cms = try CMSEnvelope.encrypt(package.zip(), to: digipost.certificate)
        let jwt = try PackageFixtures.resign(PackageFixtures.message(of: letter), fingerprint: PackageFingerprint(cms: cms))
        return (jwt, cms)
    }

    @discardableResult
    private func expect(_ code: DPIError.Code, jwt: String, cms: Data,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> DPIError? {
        let verifier = try PackageFixtures.letterVerifier(for: "digipost")
        let error = #expect(throws: DPIError.self, sourceLocation: sourceLocation) {
            try verifier.verify(jwt: jwt, cms: cms)
        }
        #expect(error?.code == code, "\(String(describing: error))", sourceLocation: sourceLocation)
        return error
    }
}
