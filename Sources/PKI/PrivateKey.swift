public import Foundation
internal import COpenSSL

/// An RSA private key for signing (JWS RS256, XAdES rsa-sha256, the Maskinporten grant) and CMS decryption.
///
/// `@unchecked Sendable`: the `EVP_PKEY` is never modified after loading, and each signature at a time has
/// its own `EVP_PKEY_CTX` with its own copy of the key (`KeyContextPool`).
public final class PrivateKey: @unchecked Sendable {
    /// The owned OpenSSL handle; freed in `deinit`.
    let pkey: OpaquePointer
    /// Contexts set up for RS256 signatures with `pkey`, reused from one signature to the next.
    private let signingContexts = KeyContextPool.rsaSHA256Signing()

    /// Takes ownership of `pkey`; throws (and frees it) unless it is an RSA key.
    init(adopting pkey: OpaquePointer) throws {
        guard EVP_PKEY_get_base_id(pkey) == EVP_PKEY_RSA else {
            let type = String(cString: OBJ_nid2sn(EVP_PKEY_get_base_id(pkey)))
            EVP_PKEY_free(pkey)
            throw PKIError(.unsupportedKey, "the private key is not RSA; DPI needs an RSA key", details: type)
        }
        self.pkey = pkey
    }

    deinit {
        EVP_PKEY_free(pkey)
    }

    /// Loads a PEM private key: PKCS#8 (`PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`) or traditional
    /// (`RSA PRIVATE KEY`, optionally with `Proc-Type: 4,ENCRYPTED`). Other PEM blocks (certificates) in
    /// the same text are skipped. Never prompts: an encrypted key without `password` fails with `.wrongPassword`.
    public convenience init(pem: Data, password: String? = nil) throws {
        // OpenSSL's default callback uses the user-data pointer as the passphrase; "" instead of NULL
        // keeps it from prompting on the terminal.
        let parsed = try MemoryBIO.reading(pem) { bio in
            (password ?? "").withCString { passphrase in
                PEM_read_bio_PrivateKey(bio, nil, nil, UnsafeMutableRawPointer(mutating: passphrase))
            }
        }
        guard let parsed else {
            let text = String(decoding: pem, as: UTF8.self)
            if text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED") {
                throw PKIError.openSSL(.wrongPassword, password == nil
                    ? "the private key is encrypted and no password was given"
                    : "the private key's password is wrong")
            }
            throw PKIError.openSSL(.malformedKey, "no readable PEM private key found", context: "\(pem.count) bytes")
        }
        try self.init(adopting: parsed)
    }

    /// Loads a PEM private key file (see `init(pem:password:)`).
    public convenience init(contentsOf file: URL, password: String? = nil) throws {
        try self.init(pem: FileContents.read(file, what: "private key file"), password: password)
    }

    /// The RSASSA-PKCS1-v1_5 SHA-256 signature of `data` (JWS `RS256`, XML-DSig `rsa-sha256`):
    /// as many bytes as the modulus (256 for RSA-2048).
    public func signRSASHA256(_ data: Data) throws -> Data {
        try sign(sha256: Digest.sha256(data))
    }

    /// The RS256 signature of `bytes` (see `signRSASHA256(_:)` for `Data`), for input built as an array of
    /// bytes (signed XML, the JWS signing input).
    public func signRSASHA256(_ bytes: [UInt8]) throws -> Data {
        try sign(sha256: Digest.sha256(bytes))
    }

    private func sign(sha256 digest: Data) throws -> Data {
        guard let context = signingContexts.take(for: pkey) else {
            throw PKIError.openSSL(.openSSLFailure, "could not start an RS256 signature")
        }
        var length = Int(EVP_PKEY_get_size(pkey))
        var signature = Data(count: length)
        let ok = signature.withUnsafeMutableBytes { out in
            digest.withUnsafeBytes { input in
                EVP_PKEY_sign(context.handle, out.bindMemory(to: UInt8.self).baseAddress, &length,
                              input.bindMemory(to: UInt8.self).baseAddress, input.count)
            }
        }
        guard ok == 1 else {
            throw PKIError.openSSL(.openSSLFailure, "the RS256 signature failed")
        }
        signingContexts.give(context)
        signature.count = length
        return signature
    }

    /// Whether `certificate` carries this key's public half (a keystore's key and leaf, a decryption
    /// key and the recipient certificate).
    public func matches(_ certificate: Certificate) -> Bool {
        defer { OpenSSLErrorQueue.clear() }   // a mismatch is an answer, not an error
        return X509_check_private_key(certificate.x509, pkey) == 1
    }
}
