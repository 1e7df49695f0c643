import Foundation
internal import COpenSSL

/// What CMS key transport (RFC 5652 section 6.2.1) needs from the recipient's certificate: its name as a
/// recipient, and RSAES-OAEP encryption of a content key to its public key.
extension Certificate {
    /// IssuerAndSerialNumber (RFC 5652 section 10.2.4): the issuer Name and serial INTEGER, re-encoded by
    /// OpenSSL exactly as they appear in the certificate. `subject` names the certificate in the error.
    static func issuerAndSerialNumber(of x509: OpaquePointer, subject: String) throws -> Data {
        guard let issuer = DER.encode(with: { i2d_X509_NAME(X509_get_issuer_name(x509), $0) }),
              let serial = DER.encode(with: { i2d_ASN1_INTEGER(X509_get0_serialNumber(x509), $0) }) else {
            throw PKIError.openSSL(.malformedCertificate, "the certificate's issuer or serial cannot be encoded",
                                   context: subject)
        }
        return DER.sequence(issuer, serial)
    }

    /// `key` encrypted to this certificate's RSA public key with RSAES-OAEP: SHA-256, MGF1-SHA-256, empty
    /// label (spec section 8, `OAEPParameters`). Throws `.unsupportedKey` for a key that is not RSA.
    func encryptOAEP(_ key: Data) throws -> Data {
        guard let context = oaepContexts.take(for: X509_get0_pubkey(x509)) else {
            throw PKIError.openSSL(.unsupportedKey, "the recipient certificate's key cannot do RSAES-OAEP",
                                   context: subject)
        }
        guard let wrapped = Certificate.encrypt(key, with: context.handle) else {
            throw PKIError.openSSL(.openSSLFailure, "RSAES-OAEP encryption of the content key failed",
                                   context: subject)
        }
        oaepContexts.give(context)
        return wrapped
    }

    /// Runs `EVP_PKEY_encrypt` twice, for the output size (the modulus size) and into the result.
    private static func encrypt(_ plaintext: Data, with context: OpaquePointer) -> Data? {
        plaintext.withUnsafeBytes { input -> Data? in
            let bytes = input.bindMemory(to: UInt8.self)
            var count = 0
            guard EVP_PKEY_encrypt(context, nil, &count, bytes.baseAddress, bytes.count) == 1 else { return nil }
            var output = Data(count: count)
            let ok = output.withUnsafeMutableBytes { raw in
                EVP_PKEY_encrypt(context, raw.bindMemory(to: UInt8.self).baseAddress, &count,
                                 bytes.baseAddress, bytes.count)
            }
            guard ok == 1 else { return nil }
            output.count = count
            return output
        }
    }
}
