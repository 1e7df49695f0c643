public import Foundation
internal import COpenSSL

extension CMSEnvelope {
    /// Decrypts a CMS EnvelopedData package, DER or BER (indefinite lengths, chunked content as in the
    /// official examples), with RSAES-OAEP key transport using SHA-256 or the SHA-1 defaults, as the
    /// package's parameters say. With `certificate`, only the recipient entry for it is tried.
    ///
    /// Throws `.notCMS`, `.keyMismatch` (key and certificate differ), `.noMatchingRecipient`,
    /// `.wrongRecipientKey` or `.corruptedCMS`. CBC has no integrity check: a damaged ciphertext body can
    /// decrypt to damaged content without error; the signed fingerprint (spec section 9) catches that.
    public static func decrypt(_ package: Data, with key: PrivateKey, certificate: Certificate? = nil) throws -> Data {
        let cms = try parse(package)
        defer { CMS_ContentInfo_free(cms) }
        if let certificate {
            guard key.matches(certificate) else {
                throw PKIError(.keyMismatch, "the decryption key does not belong to the given certificate",
                               details: certificate.subject)
            }
            guard isRecipient(certificate, of: cms) else {
                throw PKIError(.noMatchingRecipient, "the package is not encrypted for this certificate",
                               details: certificate.subject)
            }
        }
        // A key/certificate-less call only records the flags. CMS_DEBUG_DECRYPT makes a wrong key fail
        // at the key-unwrap step instead of OpenSSL's default of silently continuing with a random key
        // (a Bleichenbacher countermeasure for PKCS#1 v1.5 that costs clear errors; OAEP does not need it).
        guard CMS_decrypt(cms, nil, nil, nil, nil, UInt32(CMS_BINARY | CMS_DEBUG_DECRYPT)) == 1 else {
            throw PKIError.openSSL(.notCMS, "the package has no encrypted content to decrypt")
        }
        guard CMS_decrypt_set1_pkey(cms, key.pkey, certificate?.x509) == 1 else {
            throw PKIError.openSSL(.wrongRecipientKey,
                                   "the key cannot unwrap the package's content key (another recipient, or damaged)")
        }
        guard let plaintext = CMS_dataInit(cms, nil) else {
            throw PKIError.openSSL(.corruptedCMS, "the package's content encryption cannot be set up")
        }
        defer { BIO_free_all(plaintext) }
        return try readAll(plaintext, atMost: package.count)
    }

    /// Parses DER or BER into a `CMS_ContentInfo` holding EnvelopedData.
    private static func parse(_ package: Data) throws -> OpaquePointer {
        guard let parsed = DER.decode(package, with: { d2i_CMS_ContentInfo(nil, &$0, $1) }) else {
            throw PKIError.openSSL(.notCMS, "the package is not DER/BER CMS", context: "\(package.count) bytes")
        }
        guard OBJ_obj2nid(CMS_get0_type(parsed)) == NID_pkcs7_enveloped else {
            CMS_ContentInfo_free(parsed)
            throw PKIError(.notCMS, "the package is CMS but not EnvelopedData")
        }
        return parsed
    }

    /// Whether one of the package's key-transport recipients names `certificate` (issuer and serial, or
    /// subject key identifier).
    private static func isRecipient(_ certificate: Certificate, of cms: OpaquePointer) -> Bool {
        guard let recipients = CMS_get0_RecipientInfos(cms) else { return false }
        return (0..<shim_sk_CMS_RecipientInfo_num(recipients)).contains { index in
            guard let recipient = shim_sk_CMS_RecipientInfo_value(recipients, index),
                  CMS_RecipientInfo_type(recipient) == CMS_RECIPINFO_TRANS else { return false }
            return CMS_RecipientInfo_ktri_cert_cmp(recipient, certificate.x509) == 0
        }
    }

    /// Reads the decrypting BIO to its end straight into one buffer. The plaintext is shorter than the
    /// package (CBC padding, headers), so `limit` bytes always suffice.
    private static func readAll(_ bio: OpaquePointer, atMost limit: Int) throws -> Data {
        var output = Data(count: limit)
        let total = output.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            var total = 0
            while total < raw.count {
                let count = BIO_read(bio, base + total, Int32(min(raw.count - total, 1 << 20)))
                guard count > 0 else { break }
                total += Int(count)
            }
            return total
        }
        // BIO_read stops at the end or at a decryption error; the final padding check tells which.
        guard shim_BIO_get_cipher_status(bio) == 1 else {
            throw PKIError.openSSL(.corruptedCMS, "the package's encrypted content is damaged (bad padding)")
        }
        guard total < limit else {
            throw PKIError(.corruptedCMS, "the package decrypts to more bytes than it holds")
        }
        output.count = total
        return output
    }
}
