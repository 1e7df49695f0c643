import DPI
import Foundation
import PKI

/// A letter's cryptography without its formats: the same OpenSSL work a sealed letter needs, on a real
/// letter's bytes, with nothing built around it — the XAdES signature over its SignedInfo and the digests
/// of its SignedProperties and `manifest.xml` (and of its document, when each letter has its own), the CMS
/// encryption of its package (RSAES-OAEP key transport, AES-256-CBC), the package's SHA-256 fingerprint
/// and the JWS signature over its signing input.
///
/// Measured beside the letters, it is the most the machine allows a letter when everything the formats
/// add (XML, JSON, ZIP, base64, CRC-32, copies) costs nothing: the ceiling of the letters' ratio. What the
/// format requires besides the two signatures (the key transport, AES and SHA-256 over the package) is in
/// it, so it stays below 100%.
struct LetterCryptography {
    private let key: PrivateKey
    private let recipient: Certificate
    private let signedInfo: Data
    private let signedDigests: [Data]
    private let package: Data
    private let jwsSigningInput: Data

    /// The cryptography of `letter`, sealed by `key` for `recipient`; `recipientKey` opens its package once
    /// to take the bytes. `ownDocument` is the letter's document when each letter has its own, which each
    /// letter then digests (a shared one is digested once per run).
    init(of letter: SealedLetter, key: PrivateKey, recipient: Certificate, recipientKey: PrivateKey,
         ownDocument: Data?) throws {
        self.key = key
        self.recipient = recipient
        package = try CMSEnvelope.decrypt(letter.cms, with: recipientKey)
        let zip = try ZIPReader(data: package)
        let signatures = String(decoding: try zip.contents(named: "META-INF/signatures.xml"), as: UTF8.self)
        signedInfo = try Self.element("SignedInfo", in: signatures)
        signedDigests = [try Self.element("SignedProperties", in: signatures), try zip.contents(named: "manifest.xml")]
            + (ownDocument.map { [$0] } ?? [])
        guard let signatureStart = letter.jwt.lastIndex(of: ".") else {
            throw BenchmarkError("the sealed letter's JWS has no signature part")
        }
        jwsSigningInput = Data(letter.jwt[..<signatureStart].utf8)
    }

    /// Does one letter's cryptography.
    func run() throws {
        for bytes in signedDigests {
            _ = Digest.sha256(bytes)
        }
        _ = try key.signRSASHA256(signedInfo)
        _ = try CMSEnvelope.encryptWithDigest(pieces: [package], to: recipient)
        _ = try key.signRSASHA256(jwsSigningInput)
    }

    /// The element `name` of `xml`, from its start tag to its end tag, as bytes.
    private static func element(_ name: String, in xml: String) throws -> Data {
        guard let start = xml.range(of: "<\(name)"), let end = xml.range(of: "</\(name)>") else {
            throw BenchmarkError("the sealed letter's signatures.xml has no \(name)")
        }
        return Data(xml[start.lowerBound..<end.upperBound].utf8)
    }
}
