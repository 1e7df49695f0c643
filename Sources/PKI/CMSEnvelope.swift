public import Foundation
internal import COpenSSL

/// CMS EnvelopedData (RFC 5652) for the DPI document package (spec section 8): the ASiC-E ZIP encrypted
/// with AES-256-CBC under a fresh random key, that key wrapped with RSAES-OAEP (SHA-256, MGF1-SHA-256)
/// for the one recipient, identified by issuer and serial number.
public enum CMSEnvelope {
    /// Encrypts `content` for `recipient` and returns DER (definite lengths). Each call draws a new AES
    /// key and IV, so the output (and its fingerprint) differs every time: keep it for retries (spec 9).
    /// The OAEP parameters are written with explicit NULLs, byte-identical to the reference's.
    public static func encrypt(_ content: Data, to recipient: Certificate) throws -> Data {
        guard let cms = CMS_encrypt(nil, nil, EVP_aes_256_cbc(), UInt32(CMS_BINARY | CMS_PARTIAL)) else {
            throw PKIError.openSSL(.openSSLFailure, "could not start a CMS EnvelopedData")
        }
        defer { CMS_ContentInfo_free(cms) }
        // CMS_KEY_PARAM leaves the key-transport context open for the OAEP settings (TOOLCHAIN.md pitfall 3);
        // the one-shot CMS_encrypt would use PKCS#1 v1.5.
        guard let recipientInfo = CMS_add1_recipient_cert(cms, recipient.x509, UInt32(CMS_KEY_PARAM)),
              let keyContext = CMS_RecipientInfo_get0_pkey_ctx(recipientInfo),
              EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_OAEP_PADDING) > 0,
              EVP_PKEY_CTX_set_rsa_oaep_md(keyContext, EVP_sha256()) > 0,
              EVP_PKEY_CTX_set_rsa_mgf1_md(keyContext, EVP_sha256()) > 0 else {
            throw PKIError.openSSL(.unsupportedKey, "the recipient certificate's key cannot do RSAES-OAEP",
                                   context: recipient.subject)
        }
        let finished = try MemoryBIO.reading(content) { CMS_final(cms, $0, nil, UInt32(CMS_BINARY)) }
        guard finished == 1 else {
            throw PKIError.openSSL(.openSSLFailure, "CMS encryption failed", context: recipient.subject)
        }
        try useNullParameters(in: recipientInfo)
        return try encode(cms)
    }

    /// Rewrites the key-encryption AlgorithmIdentifier's OAEP parameters from OpenSSL's absent-NULL form to
    /// the reference's NULL form. Same meaning (RFC 4055) and not covered by any signature or MAC, so this
    /// is safe; anything other than the expected OpenSSL form means OpenSSL changed and is refused.
    private static func useNullParameters(in recipientInfo: OpaquePointer) throws {
        var algorithm: UnsafeMutablePointer<X509_ALGOR>?
        guard CMS_RecipientInfo_ktri_get0_algs(recipientInfo, nil, nil, &algorithm) == 1, let algorithm else {
            throw PKIError.openSSL(.openSSLFailure, "the recipient's key-encryption algorithm is missing")
        }
        var type: Int32 = 0
        var value: UnsafeRawPointer?
        X509_ALGOR_get0(nil, &type, &value, algorithm)
        guard type == V_ASN1_SEQUENCE, let value else {
            throw PKIError(.openSSLFailure, "OpenSSL wrote no RSAES-OAEP parameters")
        }
        let written = asn1Bytes(value.assumingMemoryBound(to: ASN1_STRING.self))
        if written == OAEPParameters.sha256WithNullParameters { return }
        guard written == OAEPParameters.sha256WithAbsentParameters else {
            throw PKIError(.openSSLFailure, "OpenSSL wrote unexpected RSAES-OAEP parameters",
                           details: written.map { String(format: "%02x", $0) }.joined())
        }
        guard let replacement = ASN1_STRING_new() else {
            throw PKIError.openSSL(.openSSLFailure, "could not allocate the OAEP parameters")
        }
        let stored = OAEPParameters.sha256WithNullParameters.withUnsafeBytes {
            ASN1_STRING_set(replacement, $0.baseAddress, Int32($0.count))
        }
        // X509_ALGOR_set0 takes ownership of `replacement` and frees the old parameters.
        guard stored == 1, X509_ALGOR_set0(algorithm, OBJ_nid2obj(NID_rsaesOaep), V_ASN1_SEQUENCE, replacement) == 1
        else {
            ASN1_STRING_free(replacement)
            throw PKIError.openSSL(.openSSLFailure, "could not set the OAEP parameters")
        }
    }

    private static func asn1Bytes(_ string: UnsafePointer<ASN1_STRING>) -> Data {
        Data(bytes: ASN1_STRING_get0_data(string), count: Int(ASN1_STRING_length(string)))
    }

    /// DER of the whole ContentInfo, written straight into the returned buffer (one copy of the package).
    private static func encode(_ cms: OpaquePointer) throws -> Data {
        let count = i2d_CMS_ContentInfo(cms, nil)
        guard count > 0 else {
            throw PKIError.openSSL(.openSSLFailure, "the CMS cannot be encoded as DER")
        }
        var der = Data(count: Int(count))
        let written = der.withUnsafeMutableBytes { raw in
            var cursor = raw.bindMemory(to: UInt8.self).baseAddress
            return i2d_CMS_ContentInfo(cms, &cursor)
        }
        guard written == count else {
            throw PKIError.openSSL(.openSSLFailure, "the CMS DER encoding changed size while written")
        }
        return der
    }
}
