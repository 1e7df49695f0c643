import Foundation
import Testing
import PKI
import Synchronization
import TestSupport

@Suite("CMS EnvelopedData")
struct CMSEnvelopeTests {
    /// Spec section 8: the exact key-encryption AlgorithmIdentifier of the official examples.
    static let referenceKeyEncryptionAlgorithm = "303c06092a864886f70d010107302fa00f300d06096086480165030402010500"
        + "a11c301a06092a864886f70d010108300d06096086480165030402010500"

    /// The four official examples with their SHA-256(.cms) fingerprints from spec section 9.
    static let examples = [
        ("digital", "BDjOg00Iiv5eQGm5adwGnW8ktSfvQ/0jYvgkYCRnryw="),
        ("digital-avsenderidentifikator", "7YsjEgPkzVpmnMyTYXMLOEgWVmLNL/uOtxV1Hc6sO08="),
        ("digital-pa-vegne-av", "KmKYbNHzGOBn16C53jbQ5BxRjXeOewOFtrBKZ6Q123g="),
        ("utskrift", "2IDn+1OdB0BYiqrAsBHxXfGRLLUys0Rc07D0UaSY+nw="),
    ]

    @Test("openssl cms -decrypt opens what we encrypted, byte for byte")
    func opensslDecryptsOurs() throws {
        let content = try SecureRandom.bytes(count: 150_001)
        let recipient = try Certificate(pem: TestPKI.data("digipost.cert.pem"))
        let package = try CMSEnvelope.encrypt(content, to: recipient)
        #expect(try OpenSSLCMS.decrypt(package, party: "digipost", byCertificate: true) == content)
    }

    @Test("Our package uses RSAES-OAEP SHA-256/MGF1-SHA-256 and AES-256-CBC, per openssl cms -print")
    func algorithmsAsOpenSSLSeesThem() throws {
        let package = try CMSEnvelope.encrypt(Data("hello".utf8), to: Certificate(pem: TestPKI.data("eboks.cert.pem")))
        let printed = try ChildProcess.openssl("cms", "-cmsout", "-print", "-inform", "DER", input: package).text
        let keyEncryption = try #require(printed.section(from: "keyEncryptionAlgorithm:", to: "encryptedKey:"))
        #expect(keyEncryption.contains("algorithm: rsaesOaep"))
        // openssl prints the OAEP parameters as an asn1parse dump: hash, MGF, MGF's hash, each with NULL.
        #expect(keyEncryption.asn1Objects == ["sha256", "mgf1", "sha256"])
        #expect(keyEncryption.split(separator: "\n").filter { $0.contains("prim:") && $0.contains("NULL") }.count == 2)
        let contentEncryption = try #require(printed.section(from: "contentEncryptionAlgorithm:",
                                                             to: "encryptedContent:"))
        #expect(contentEncryption.contains("algorithm: aes-256-cbc"))
        #expect(printed.contains("contentType: pkcs7-envelopedData"))
        #expect(printed.components(separatedBy: "d.ktri:").count - 1 == 1)
        #expect(printed.contains("d.issuerAndSerialNumber:"))
    }

    @Test("Our key-encryption AlgorithmIdentifier is byte-identical to the reference's (explicit NULLs)")
    func keyEncryptionAlgorithmMatchesReference() throws {
        let package = try CMSEnvelope.encrypt(Data("x".utf8), to: Certificate(pem: TestPKI.data("print.cert.pem")))
        #expect(package.hex.contains(Self.referenceKeyEncryptionAlgorithm))
        #expect(package.hex.contains("301d060960864801650304012a0410"))   // AES-256-CBC with a 16-byte IV
        let example = try Repository.example("digital-dokumentpakke.cms")
        #expect(example.hex.contains(Self.referenceKeyEncryptionAlgorithm))
    }

    @Test("Two encryptions of the same content differ (fresh key and IV) and both decrypt")
    func freshKeyEachTime() throws {
        let content = Data("same letter".utf8)
        let certificate = try Certificate(pem: TestPKI.data("sender.cert.pem"))
        let key = try PrivateKey(pem: TestPKI.data("sender.key.pem"))
        let first = try CMSEnvelope.encrypt(content, to: certificate)
        let second = try CMSEnvelope.encrypt(content, to: certificate)
        #expect(first != second)
        #expect(try CMSEnvelope.decrypt(first, with: key, certificate: certificate) == content)
        #expect(try CMSEnvelope.decrypt(second, with: key) == content)
    }

    @Test("One certificate encrypts from several threads at once, and openssl cms -decrypt opens every package")
    func concurrentEncryptionToOneCertificate() throws {
        let recipient = try Certificate(pem: TestPKI.data("digipost.cert.pem"))
        let packages = Mutex<[Int: Data]>([:])
        let failures = ConcurrentCounter()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            guard let package = try? CMSEnvelope.encrypt(Data("letter \(index)".utf8), to: recipient) else {
                return failures.increment()
            }
            packages.withLock { $0[index] = package }
        }
        #expect(failures.value == 0)
        for (index, package) in packages.withLock({ $0 }) {
            #expect(try OpenSSLCMS.decrypt(package, party: "digipost", byCertificate: true)
                == Data("letter \(index)".utf8))
        }
    }

    @Test("Content given in pieces that split AES blocks encrypts as their concatenation, per openssl cms",
          arguments: [[0], [1, 15], [15, 1, 16, 17], [16, 0, 16], [4097, 3, 30_000, 5], [31, 33, 65_536, 1]])
    func piecesEncryptAsOneContent(sizes: [Int]) throws {
        let pieces = try sizes.map { try SecureRandom.bytes(count: $0) }
        let arrays: [any ContiguousBytes] = pieces.enumerated().map { index, piece in
            index.isMultiple(of: 2) ? piece as any ContiguousBytes : Array(piece)   // both kinds a package has
        }
        let recipient = try Certificate(pem: TestPKI.data("digipost.cert.pem"))
        let package = try CMSEnvelope.encrypt(pieces: arrays, to: recipient)
        #expect(try OpenSSLCMS.decrypt(package, party: "digipost", byCertificate: true) == pieces.reduce(Data(), +))
    }

    @Test("Encrypting with the digest gives the SHA-256 of the DER, per openssl dgst, and openssl cms opens it",
          arguments: [("digipost", [0]), ("print", [1]), ("digipost", [63]), ("print", [64]), ("digipost", [65]),
                      ("print", [15, 1, 16, 17]), ("digipost", [4097, 3, 30_000, 5]), ("print", [31, 33, 65_536, 1]),
                      ("digipost", [200_003])])
    func digestWhileEncrypting(party: String, sizes: [Int]) throws {
        let pieces = try sizes.map { try SecureRandom.bytes(count: $0) }
        let recipient = try Certificate(pem: TestPKI.data("\(party).cert.pem"))
        let package = try CMSEnvelope.encryptWithDigest(pieces: pieces, to: recipient)
        let digest = try ChildProcess.openssl("dgst", "-sha256", "-binary", input: package.der).stdout
        #expect(package.sha256 == digest)
        #expect(try OpenSSLCMS.decrypt(package.der, party: party) == pieces.reduce(Data(), +))
    }

    @Test("A multi-megabyte package round-trips through us and through openssl cms")
    func largePackage() throws {
        let content = try SecureRandom.bytes(count: 6 * 1024 * 1024 + 17)
        let certificate = try Certificate(pem: TestPKI.data("print.cert.pem"))
        let package = try CMSEnvelope.encrypt(content, to: certificate)
        #expect(try CMSEnvelope.decrypt(package, with: PrivateKey(pem: TestPKI.data("print.key.pem"))) == content)
        #expect(try OpenSSLCMS.decrypt(package, party: "print") == content)
    }

    @Test("Empty content round-trips")
    func emptyContent() throws {
        let certificate = try Certificate(pem: TestPKI.data("sender.cert.pem"))
        let package = try CMSEnvelope.encrypt(Data(), to: certificate)
        #expect(try CMSEnvelope.decrypt(package, with: PrivateKey(pem: TestPKI.data("sender.key.pem"))).isEmpty)
    }

    @Test("The official BER examples decrypt to their .zip files, and their fingerprints match spec section 9",
          arguments: examples)
    func officialExamples(name: String, fingerprint: String) throws {
        let pem = try Repository.example("eksempel.pem")
        let key = try PrivateKey(pem: pem)
        let certificate = try Certificate(pem: pem)
        let package = try Repository.example("\(name)-dokumentpakke.cms")
        #expect(Digest.sha256(package).base64EncodedString() == fingerprint)
        let zip = try Repository.example("\(name)-dokumentpakke.zip")
        #expect(try CMSEnvelope.decrypt(package, with: key, certificate: certificate) == zip)
        #expect(try CMSEnvelope.decrypt(package, with: key) == zip)
    }

    @Test("We decrypt openssl cms -encrypt output with OAEP SHA-1 defaults and with SHA-256",
          arguments: [["-keyopt", "rsa_padding_mode:oaep"],
                      ["-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256",
                       "-keyopt", "rsa_mgf1_md:sha256"]])
    func decryptsOpenSSLOutput(keyOptions: [String]) throws {
        let content = try SecureRandom.bytes(count: 10_000)
        let certificate = try TestPKI.file("print.cert.pem").path
        let arguments = ["cms", "-encrypt", "-binary", "-outform", "DER", "-aes256", "-recip", certificate]
            + keyOptions
        let result = try ChildProcess.run("openssl", arguments, input: content)
        try #require(result.status == 0, "\(result.stderr)")
        let printed = try ChildProcess.openssl("cms", "-cmsout", "-print", "-inform", "DER", input: result.stdout).text
        #expect(printed.contains("rsaesOaep"))
        let key = try PrivateKey(pem: TestPKI.data("print.key.pem"))
        #expect(try CMSEnvelope.decrypt(result.stdout, with: key) == content)
    }

    @Test("Decrypting with another recipient's key fails with wrongRecipientKey")
    func wrongKey() throws {
        let package = try CMSEnvelope.encrypt(Data("secret".utf8), to: Certificate(pem: TestPKI.data("eboks.cert.pem")))
        let other = try PrivateKey(pem: TestPKI.data("digipost.key.pem"))
        let error = expectError(.wrongRecipientKey) { try CMSEnvelope.decrypt(package, with: other) }
        #expect(error?.debugDescription.contains("openssl:") == true, "the OpenSSL error queue is in the details")
    }

    @Test("Decrypting with a certificate that is not a recipient fails with noMatchingRecipient")
    func certificateNotARecipient() throws {
        let package = try CMSEnvelope.encrypt(Data("secret".utf8), to: Certificate(pem: TestPKI.data("eboks.cert.pem")))
        let key = try PrivateKey(pem: TestPKI.data("digipost.key.pem"))
        let certificate = try Certificate(pem: TestPKI.data("digipost.cert.pem"))
        expectError(.noMatchingRecipient) { try CMSEnvelope.decrypt(package, with: key, certificate: certificate) }
    }

    @Test("A key that does not belong to the given certificate fails with keyMismatch")
    func keyCertificateMismatch() throws {
        let package = try CMSEnvelope.encrypt(Data("secret".utf8), to: Certificate(pem: TestPKI.data("eboks.cert.pem")))
        let key = try PrivateKey(pem: TestPKI.data("digipost.key.pem"))
        let certificate = try Certificate(pem: TestPKI.data("eboks.cert.pem"))
        expectError(.keyMismatch) { try CMSEnvelope.decrypt(package, with: key, certificate: certificate) }
    }

    @Test("Damaged packages fail clearly: bad header, damaged wrapped key, damaged padding, truncation")
    func damagedPackages() throws {
        let certificate = try Certificate(pem: TestPKI.data("eboks.cert.pem"))
        let key = try PrivateKey(pem: TestPKI.data("eboks.key.pem"))
        let package = try CMSEnvelope.encrypt(try SecureRandom.bytes(count: 5000), to: certificate)

        expectError(.notCMS) { try CMSEnvelope.decrypt(package.flipping(at: 0), with: key) }
        expectError(.notCMS) { try CMSEnvelope.decrypt(package.prefix(package.count / 2), with: key) }
        expectError(.notCMS) { try CMSEnvelope.decrypt(Data("not a package".utf8), with: key) }
        expectError(.notCMS) { try CMSEnvelope.decrypt(Data(), with: key) }

        // The 256-byte encryptedKey OCTET STRING follows the key-encryption AlgorithmIdentifier.
        let algorithm = try #require(package.range(of: Data(hex: Self.referenceKeyEncryptionAlgorithm)))
        let wrappedKey = algorithm.upperBound + 4 + 100   // 04 82 01 00, then into the key
        expectError(.wrongRecipientKey) { try CMSEnvelope.decrypt(package.flipping(at: wrappedKey), with: key) }

        // The package ends with the ciphertext, and 5,000 bytes end in 8 bytes of padding 08. Inverting the last byte
        // of the second-to-last block inverts the last plaintext byte (CBC), so the padding ends in F7: never valid.
        // (Damaging the last block itself would give random padding, valid about once in 256 runs.)
        let error = expectError(.corruptedCMS) {
            try CMSEnvelope.decrypt(package.flipping(at: package.count - 1 - 16), with: key)
        }
        #expect(error?.description.contains("damaged") == true)
    }

    @Test("A signed-data or other non-enveloped CMS is refused as notCMS")
    func notEnvelopedData() throws {
        let signed = try ChildProcess.openssl("cms", "-sign", "-binary", "-outform", "DER",
                                              "-signer", TestPKI.file("sender.cert.pem").path,
                                              "-inkey", TestPKI.file("sender.key.pem").path, input: Data("x".utf8))
        let key = try PrivateKey(pem: TestPKI.data("sender.key.pem"))
        expectError(.notCMS) { try CMSEnvelope.decrypt(signed.stdout, with: key) }
    }
}

extension Data {
    /// A copy with the byte at `index` inverted.
    func flipping(at index: Int) -> Data {
        var copy = self
        copy[copy.startIndex + index] ^= 0xFF
        return copy
    }

    /// Bytes from lower- or upper-case hex.
    init(hex: String) {
        var bytes: [UInt8] = []
        var iterator = hex.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            bytes.append(UInt8(String([high, low]), radix: 16)!)
        }
        self.init(bytes)
    }
}

extension String {
    /// The text between the first `start` marker and the next `end` marker after it.
    func section(from start: String, to end: String) -> String? {
        guard let lower = range(of: start), let upper = range(of: end, range: lower.upperBound..<endIndex) else {
            return nil
        }
        return String(self[lower.upperBound..<upper.lowerBound])
    }

    /// The OBJECT names of an `openssl asn1parse`-style dump, in order (`prim: OBJECT :sha256` gives sha256).
    var asn1Objects: [String] {
        split(separator: "\n").compactMap { line in
            guard line.contains("prim:"), line.contains("OBJECT"), let colon = line.lastIndex(of: ":") else {
                return nil
            }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }
}
