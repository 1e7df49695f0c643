public import Foundation
internal import COpenSSL

/// An X.509 certificate, parsed once and immutable: subject, issuer, serial, validity, the organisation
/// number DPI reads from enterprise certificates, and RS256 signature verification with its public key.
///
/// `@unchecked Sendable`: the owned `X509` is never modified after parsing, every property is computed
/// once in `init`, and OpenSSL's read-only X509 accessors, `EVP_DigestVerify` with a fresh context per
/// call and RSAES-OAEP with one pooled context per encryption at a time (`KeyContextPool`) are safe to use
/// from several threads at once.
public final class Certificate: @unchecked Sendable {
    /// The owned OpenSSL handle; freed in `deinit`.
    let x509: OpaquePointer

    /// The certificate's DER encoding (what `x5c` in a JWS and X.509 data in XAdES carry, base64-encoded).
    public let der: Data
    /// The subject name in RFC 2253 form, most specific first (`CN=...,O=...,C=NO`), UTF-8 unescaped.
    public let subject: String
    /// The issuer name in the same form as `subject`.
    public let issuer: String
    /// The serial number in decimal (as XAdES `X509SerialNumber` wants it).
    public let serialNumber: String
    /// The serial number's big-endian two's-complement content bytes, as encoded in the certificate.
    public let serialNumberBytes: Data
    /// Start of the validity period.
    public let notBefore: Date
    /// End of the validity period.
    public let notAfter: Date
    /// The 9-digit Norwegian organisation number in the subject (spec section 2.1), or nil if there is none.
    public let organisationNumber: String?
    /// SHA-256 of `der`: a stable identity for logs and caches.
    public let sha256Fingerprint: Data
    /// How CMS names this certificate as a recipient (see `issuerAndSerialNumber(of:subject:)`), encoded once
    /// because every letter to a mailbox provider is encrypted to the same certificate.
    let issuerAndSerialNumber: Data
    /// Contexts for RSAES-OAEP to the public key, reused from one letter's content key to the next.
    let oaepContexts = KeyContextPool.rsaOAEPEncryption()

    /// Takes ownership of `x509`, which is freed on failure too.
    init(adopting x509: OpaquePointer) throws {
        do {
            der = try Certificate.encode(x509)
            subject = try Certificate.string(of: X509_get_subject_name(x509))
            issuer = try Certificate.string(of: X509_get_issuer_name(x509))
            (serialNumber, serialNumberBytes) = try Certificate.serial(of: x509)
            notBefore = try Certificate.date(X509_get0_notBefore(x509))
            notAfter = try Certificate.date(X509_get0_notAfter(x509))
            issuerAndSerialNumber = try Certificate.issuerAndSerialNumber(of: x509, subject: subject)
        } catch {
            X509_free(x509)
            throw error
        }
        organisationNumber = Certificate.organisationNumber(in: X509_get_subject_name(x509))
        sha256Fingerprint = Digest.sha256(der)
        self.x509 = x509
    }

    deinit {
        X509_free(x509)
    }

    /// Parses a DER-encoded certificate.
    public convenience init(der: Data) throws {
        guard let parsed = DER.decode(der, with: { d2i_X509(nil, &$0, $1) }) else {
            throw PKIError.openSSL(.malformedCertificate, "the bytes are not a DER X.509 certificate",
                                   context: "\(der.count) bytes")
        }
        try self.init(adopting: parsed)
    }

    /// Parses the first certificate of a PEM text (`-----BEGIN CERTIFICATE-----`); other blocks are skipped.
    public convenience init(pem: Data) throws {
        let parsed = try MemoryBIO.reading(pem) { PEM_read_bio_X509($0, nil, nil, nil) }
        guard let parsed else {
            throw PKIError.openSSL(.malformedCertificate, "no readable PEM certificate found",
                                   context: "\(pem.count) bytes")
        }
        try self.init(adopting: parsed)
    }

    /// Parses a certificate from PEM text.
    public convenience init(pem: String) throws {
        try self.init(pem: Data(pem.utf8))
    }

    /// Parses the first certificate of a PEM file.
    public convenience init(contentsOf file: URL) throws {
        try self.init(pem: FileContents.read(file, what: "certificate file"))
    }

    /// Parses every certificate of a PEM bundle, in file order (trust anchors, `chain.pem`, `x5c` lists).
    /// Non-certificate blocks (a private key in the same file) are skipped; a damaged certificate block throws.
    public static func bundle(pem: Data) throws -> [Certificate] {
        guard !pem.isEmpty else { return [] }
        return try MemoryBIO.reading(pem) { bio in
            var certificates: [Certificate] = []
            while true {
                if let x509 = PEM_read_bio_X509(bio, nil, nil, nil) {
                    certificates.append(try Certificate(adopting: x509))
                    continue
                }
                let reason = ERR_GET_REASON(ERR_peek_last_error())
                guard reason == PEM_R_NO_START_LINE else {
                    throw PKIError.openSSL(.malformedCertificate, "a PEM certificate block is damaged",
                                           context: "after \(certificates.count) good certificates")
                }
                OpenSSLErrorQueue.clear()
                return certificates
            }
        }
    }

    /// The certificates of a PEM bundle file.
    public static func bundle(contentsOf file: URL) throws -> [Certificate] {
        try bundle(pem: FileContents.read(file, what: "certificate file"))
    }

    private static func encode(_ x509: OpaquePointer) throws -> Data {
        guard let der = DER.encode(with: { i2d_X509(x509, $0) }) else {
            throw PKIError.openSSL(.malformedCertificate, "the certificate cannot be re-encoded as DER")
        }
        return der
    }
}
