public import Foundation

/// CMS EnvelopedData (RFC 5652) for the DPI document package (spec section 8): the ASiC-E ZIP encrypted
/// with AES-256-CBC under a fresh random key, that key wrapped with RSAES-OAEP (SHA-256, MGF1-SHA-256)
/// for the one recipient, identified by issuer and serial number.
public enum CMSEnvelope {
    /// Encrypts `content` for `recipient` and returns DER (definite lengths). Each call draws a new AES
    /// key and IV, so the output (and its fingerprint) differs every time: keep it for retries (spec 9).
    /// The OAEP parameters are written with explicit NULLs, byte-identical to the reference's.
    ///
    /// The DER is written here, in spec section 8's structure, into one buffer of exactly the output's size,
    /// the ciphertext straight into its place: OpenSSL's CMS encoder grew and copied buffers, which cost
    /// more than the RSA and AES work on a letter-sized package.
    public static func encrypt(_ content: Data, to recipient: Certificate) throws -> Data {
        try encrypt(pieces: [content], to: recipient)
    }

    /// Encrypts the concatenation of `pieces` for `recipient` (see `encrypt(_:to:)`): a package kept as its
    /// pieces (records and small files gathered in arrays, each document the `Data` it was read into) is
    /// encrypted where its bytes lie, without first being copied into one buffer.
    public static func encrypt(pieces: [any ContiguousBytes], to recipient: Certificate) throws -> Data {
        try encrypt(pieces: pieces, to: recipient, hashingInto: nil)
    }

    /// An encryption with the SHA-256 of its DER (a DPI package's fingerprint, spec 9).
    public struct Digested: Sendable {
        /// The ContentInfo, as `encrypt(pieces:to:)` returns it.
        public let der: Data
        /// SHA-256 of `der`.
        public let sha256: Data
    }

    /// Encrypts the concatenation of `pieces` for `recipient` (see `encrypt(pieces:to:)`) and hashes the DER
    /// while it is written: the ciphertext is hashed beside its encryption (`AES256CBC`), which costs less
    /// than hashing it afterwards.
    public static func encryptWithDigest(pieces: [any ContiguousBytes], to recipient: Certificate) throws -> Digested {
        let hasher = SHA256Hasher()
        let der = try encrypt(pieces: pieces, to: recipient, hashingInto: hasher)
        return Digested(der: der, sha256: hasher.finalize())
    }

    /// `encrypt(pieces:to:)`, passing every byte of the DER, in order, to `hasher` when there is one.
    private static func encrypt(pieces: [any ContiguousBytes], to recipient: Certificate,
                                hashingInto hasher: SHA256Hasher?) throws -> Data {
        let contentCount = pieces.reduce(0) { $0 + $1.withUnsafeBytes(\.count) }
        // The key and the IV come from one draw of the generator (each draw takes OpenSSL's RAND lock). They
        // are used as slices of it that live only for a call, so the zeroing below finds it unshared.
        var keyAndIV = try SecureRandom.bytes(count: AES256CBC.keyCount + AES256CBC.ivCount)
        defer { keyAndIV.resetBytes(in: 0..<keyAndIV.count) }
        let layout = try Layout(issuerAndSerialNumber: recipient.issuerAndSerialNumber,
                                encryptedKey: recipient.encryptOAEP(keyAndIV[..<AES256CBC.keyCount]),
                                ciphertext: AES256CBC.ciphertextCount(plaintextCount: contentCount))
        return try DERWriter.encode(count: layout.total) { der in
            der.writeHeader(Tag.sequence, contentCount: layout.contentInfo)
            der.write(envelopedDataType)
            der.writeHeader(Tag.explicit0, contentCount: DERWriter.elementCount(contentCount: layout.envelopedData))
            der.writeHeader(Tag.sequence, contentCount: layout.envelopedData)
            der.write(version0)
            der.writeHeader(Tag.set, contentCount: DERWriter.elementCount(contentCount: layout.keyTransport))
            der.writeHeader(Tag.sequence, contentCount: layout.keyTransport)
            der.write(version0)
            der.write(layout.issuerAndSerialNumber)
            der.write(OAEPParameters.sha256AlgorithmIdentifier)
            der.writeHeader(Tag.octetString, contentCount: layout.encryptedKey.count)
            der.write(layout.encryptedKey)
            der.writeHeader(Tag.sequence, contentCount: layout.encryptedContentInfo)
            der.write(dataType)
            der.write(aes256CBCWithIVPrefix)
            der.write(keyAndIV[AES256CBC.keyCount...])
            der.writeHeader(Tag.implicit0Primitive, contentCount: layout.ciphertext)
            // The ciphertext ends the DER (definite lengths, no unprotected attributes): hash what comes before it.
            hasher?.update(der.written)
            try der.fill(layout.ciphertext) {
                try AES256CBC.encrypt(pieces, plaintextCount: contentCount, key: keyAndIV[..<AES256CBC.keyCount],
                                      iv: keyAndIV[AES256CBC.keyCount...], into: $0, hashingInto: hasher)
            }
        }
    }

    /// The content lengths of the nested elements, all known before the first byte is written.
    private struct Layout {
        let issuerAndSerialNumber: Data
        let encryptedKey: Data
        let ciphertext: Int

        /// KeyTransRecipientInfo: version, rid, keyEncryptionAlgorithm, encryptedKey.
        var keyTransport: Int {
            version0.count + issuerAndSerialNumber.count + OAEPParameters.sha256AlgorithmIdentifier.count
                + DERWriter.elementCount(contentCount: encryptedKey.count)
        }

        /// EncryptedContentInfo: contentType, contentEncryptionAlgorithm, [0] IMPLICIT encryptedContent.
        var encryptedContentInfo: Int {
            dataType.count + aes256CBCWithIVPrefix.count + AES256CBC.ivCount
                + DERWriter.elementCount(contentCount: ciphertext)
        }

        /// EnvelopedData: version, recipientInfos (a SET of the one KeyTransRecipientInfo), encryptedContentInfo.
        var envelopedData: Int {
            version0.count + DERWriter.elementCount(contentCount: DERWriter.elementCount(contentCount: keyTransport))
                + DERWriter.elementCount(contentCount: encryptedContentInfo)
        }

        /// ContentInfo: contentType, [0] EXPLICIT EnvelopedData.
        var contentInfo: Int {
            envelopedDataType.count
                + DERWriter.elementCount(contentCount: DERWriter.elementCount(contentCount: envelopedData))
        }

        /// The whole output.
        var total: Int { DERWriter.elementCount(contentCount: contentInfo) }
    }

    private enum Tag {
        static let sequence: UInt8 = 0x30
        static let set: UInt8 = 0x31
        static let octetString: UInt8 = 0x04
        static let explicit0: UInt8 = 0xA0
        /// `[0] IMPLICIT OCTET STRING`, primitive: encryptedContent in one piece (DER, spec section 8).
        static let implicit0Primitive: UInt8 = 0x80
    }

    /// `INTEGER 0`: the version of EnvelopedData and KeyTransRecipientInfo with IssuerAndSerialNumber
    /// and no originator info or attributes (RFC 5652 sections 6.1, 6.2.1).
    private static let version0 = Data([0x02, 0x01, 0x00])
    /// id-envelopedData, 1.2.840.113549.1.7.3.
    private static let envelopedDataType = DER.objectIdentifier([0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x03])
    /// id-data, 1.2.840.113549.1.7.1.
    private static let dataType = DER.objectIdentifier([0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01])
    /// The content-encryption AlgorithmIdentifier up to its IV: SEQUENCE, aes256-CBC
    /// (2.16.840.1.101.3.4.1.42), OCTET STRING of 16 bytes (spec section 8 gives these bytes).
    private static let aes256CBCWithIVPrefix = Data([0x30, 0x1D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
                                                     0x04, 0x01, 0x2A, 0x04, UInt8(AES256CBC.ivCount)])
}
