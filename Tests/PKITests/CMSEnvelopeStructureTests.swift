import Foundation
import Testing
import PKI
import TestSupport

/// Our hand-written EnvelopedData DER, read back by the OpenSSL command line: spec section 8's structure,
/// definite lengths at every size, and the same structure OpenSSL's own CMS encoder produces.
@Suite("CMS EnvelopedData DER structure")
struct CMSEnvelopeStructureTests {
    /// Spec section 8's tree, as asn1parse prints it, with the issuer Name's inside left out (it is the
    /// certificate's, compared byte for byte separately) and the serial as `SERIAL`.
    static let specStructure = [
        "0 cons SEQUENCE", "1 prim OBJECT :pkcs7-envelopedData", "1 cons cont [ 0 ]",
        "2 cons SEQUENCE", "3 prim INTEGER :00",
        "3 cons SET", "4 cons SEQUENCE", "5 prim INTEGER :00",
        "5 cons SEQUENCE", "6 cons SEQUENCE", "6 prim INTEGER :SERIAL",
        "5 cons SEQUENCE", "6 prim OBJECT :rsaesOaep", "6 cons SEQUENCE",
        "7 cons cont [ 0 ]", "8 cons SEQUENCE", "9 prim OBJECT :sha256", "9 prim NULL",
        "7 cons cont [ 1 ]", "8 cons SEQUENCE", "9 prim OBJECT :mgf1",
        "9 cons SEQUENCE", "10 prim OBJECT :sha256", "10 prim NULL",
        "5 prim OCTET STRING",
        "3 cons SEQUENCE", "4 prim OBJECT :pkcs7-data",
        "4 cons SEQUENCE", "5 prim OBJECT :aes-256-cbc", "5 prim OCTET STRING",
        "4 prim cont [ 0 ]",
    ]

    @Test("Our DER has spec section 8's structure, one recipient named by the certificate's issuer and serial")
    func specStructureWithCertificateIssuerAndSerial() throws {
        let certificate = try Certificate(pem: TestPKI.data("print.cert.pem"))
        let package = try CMSEnvelope.encrypt(Data.random(count: 1000), to: certificate)
        let elements = try ASN1Outline.parse(package)
        expectDefiniteConsistentLengths(elements, total: package.count)

        let issuer = try #require(elements.count > 9 ? elements[9] : nil)
        let outline = elements.filter { $0.depth < 7 || !issuer.contains($0) }
        let serial = try ChildProcess.openssl("x509", "-noout", "-serial", "-in", TestPKI.file("print.cert.pem").path)
        let serialHex = serial.text.trimmingCharacters(in: .whitespacesAndNewlines).replacing("serial=", with: "")
        let expected = Self.specStructure.map { $0.replacing("SERIAL", with: serialHex) }
        #expect(outline.map(\.shape) == expected)
        try #require(outline.count == expected.count)

        // The issuer Name and serial INTEGER, byte for byte as in the certificate's TBSCertificate.
        let tbs = try ASN1Outline.parse(certificate.der).filter { $0.depth == 2 }
        let (certificateSerial, certificateIssuer) = try #require(tbs.count > 3 ? (tbs[1], tbs[3]) : nil)
        #expect(issuer.bytes(in: package) == certificateIssuer.bytes(in: certificate.der))
        #expect(outline[10].bytes(in: package) == certificateSerial.bytes(in: certificate.der))

        #expect(outline[24].length == 256, "encryptedKey: one RSA-2048 block")
        #expect(outline[29].length == 16, "the IV")
        #expect(outline[30].length == 1008, "1000 bytes padded to whole AES blocks")
    }

    @Test("Sizes around every DER length boundary decrypt with openssl cms and with us",
          arguments: [0, 1, 15, 16, 17, 127, 128, 255, 256, 65535, 65536, 16 * 1024 * 1024 + 3])
    func lengthBoundaries(size: Int) throws {
        let content = Data.random(count: size)
        let certificate = try Certificate(pem: TestPKI.data("eboks.cert.pem"))
        let package = try CMSEnvelope.encrypt(content, to: certificate)

        let elements = try ASN1Outline.parse(package)
        expectDefiniteConsistentLengths(elements, total: package.count)
        #expect(elements.last?.shape == "4 prim cont [ 0 ]")
        #expect(elements.last?.length == (size / 16 + 1) * 16)

        #expect(try CMSEnvelope.decrypt(package, with: PrivateKey(pem: TestPKI.data("eboks.key.pem"))) == content)
        #expect(try OpenSSLCMS.decrypt(package, party: "eboks") == content)
    }

    @Test("Our structure equals openssl cms -encrypt's for the same content, but for the OAEP hash NULLs")
    func sameStructureAsOpenSSL() throws {
        let content = Data.random(count: 5000)
        let certificatePath = try TestPKI.file("digipost.cert.pem").path
        let theirs = try ChildProcess.openssl("cms", "-encrypt", "-binary", "-outform", "DER", "-aes256",
                                              "-recip", certificatePath, "-keyopt", "rsa_padding_mode:oaep",
                                              "-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256",
                                              input: content).stdout
        let ours = try CMSEnvelope.encrypt(content, to: Certificate(pem: TestPKI.data("digipost.cert.pem")))
        // OpenSSL leaves the sha256 parameters absent, we write NULL (spec section 8): compare without them.
        let oursOutline = try ASN1Outline.parse(ours).filter { $0.tag != "NULL" }
        let theirsOutline = try ASN1Outline.parse(theirs)
        #expect(oursOutline.map(\.shape) == theirsOutline.map(\.shape))
        // Primitive elements (OIDs, integers, issuer strings, key, IV, ciphertext) have the same lengths too.
        let primitiveLengths = { (outline: [ASN1Element]) in outline.filter { !$0.constructed }.map(\.length) }
        #expect(primitiveLengths(oursOutline) == primitiveLengths(theirsOutline))
        #expect(try ASN1Outline.parse(ours).count == theirsOutline.count + 2, "exactly the two NULLs more")
    }

    /// Every length is definite, every constructed element's length is the sum of its children's sizes, and
    /// the outermost element spans the whole package.
    private func expectDefiniteConsistentLengths(_ elements: [ASN1Element],
                                                 total: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(elements.allSatisfy { $0.length != nil }, "indefinite length", sourceLocation: sourceLocation)
        #expect(elements.first?.size == total, sourceLocation: sourceLocation)
        for parent in elements where parent.constructed {
            let children = elements.filter { $0.depth == parent.depth + 1 && parent.contains($0) }
            #expect(children.map(\.size).reduce(0, +) == parent.length, "\(parent)", sourceLocation: sourceLocation)
        }
    }
}

extension ASN1Element {
    /// Whether `other` lies inside this element's content.
    func contains(_ other: ASN1Element) -> Bool {
        other.offset >= offset + headerLength && other.offset < offset + size
    }
}
