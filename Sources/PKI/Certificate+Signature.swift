public import Foundation
internal import COpenSSL

extension Certificate {
    /// Whether `signature` is a valid RSASSA-PKCS1-v1_5 SHA-256 (JWS `RS256`, XML-DSig `rsa-sha256`)
    /// signature of `data` by this certificate's key. False for a bad signature and for a non-RSA key.
    public func verifyRSASHA256(signature: Data, data: Data) -> Bool {
        defer { OpenSSLErrorQueue.clear() }   // a bad signature is an answer, not an error
        guard let key = X509_get0_pubkey(x509), EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA,
              let context = EVP_MD_CTX_new() else {
            return false
        }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, key) == 1 else { return false }
        let result = signature.withUnsafeBytes { signatureBytes in
            data.withUnsafeBytes { dataBytes in
                EVP_DigestVerify(context, signatureBytes.bindMemory(to: UInt8.self).baseAddress, signatureBytes.count,
                                 dataBytes.bindMemory(to: UInt8.self).baseAddress, dataBytes.count)
            }
        }
        return result == 1
    }

    /// The RSA public key's modulus and public exponent as unsigned big-endian bytes (JWK `n` and `e`
    /// before base64url), or nil for a non-RSA key. Lets the Maskinporten simulator publish a JWKS.
    public func rsaPublicKeyComponents() -> (modulus: Data, exponent: Data)? {
        guard let key = X509_get0_pubkey(x509), EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA,
              let modulus = Certificate.bigNumber(OSSL_PKEY_PARAM_RSA_N, of: key),
              let exponent = Certificate.bigNumber(OSSL_PKEY_PARAM_RSA_E, of: key) else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        return (modulus, exponent)
    }

    private static func bigNumber(_ name: String, of key: OpaquePointer) -> Data? {
        var number: OpaquePointer?
        guard EVP_PKEY_get_bn_param(key, name, &number) == 1, let number else { return nil }
        defer { BN_free(number) }
        var bytes = Data(count: Int((BN_num_bits(number) + 7) / 8))
        _ = bytes.withUnsafeMutableBytes { BN_bn2bin(number, $0.bindMemory(to: UInt8.self).baseAddress) }
        return bytes
    }
}
