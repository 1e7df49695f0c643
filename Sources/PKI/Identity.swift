public import Foundation
internal import COpenSSL

/// An enterprise identity: private key, its certificate, and the intermediate certificates to send along
/// (JWS `x5c`, XAdES `KeyInfo`). Usually loaded from the sender's PKCS#12 keystore.
public struct Identity: Sendable {
    /// The private key.
    public let privateKey: PrivateKey
    /// The end-entity certificate of `privateKey`.
    public let certificate: Certificate
    /// The other certificates from the keystore (intermediates, maybe the root), in keystore order.
    public let chain: [Certificate]

    /// An identity from parts already loaded; throws `.keyMismatch` unless key and certificate belong together.
    public init(privateKey: PrivateKey, certificate: Certificate, chain: [Certificate] = []) throws {
        guard privateKey.matches(certificate) else {
            throw PKIError(.keyMismatch, "the private key does not belong to the certificate",
                           details: "certificate subject \(certificate.subject)")
        }
        self.privateKey = privateKey
        self.certificate = certificate
        self.chain = chain
    }

    /// Loads a PKCS#12 (`.p12`/`.pfx`) keystore. Throws `.wrongPassword` when the integrity MAC does not
    /// verify with `password`, `.malformedKeystore` when the bytes are not a keystore or lack a key or a
    /// certificate.
    public init(pkcs12: Data, password: String) throws {
        guard let parsed = DER.decode(pkcs12, with: { d2i_PKCS12(nil, &$0, $1) }) else {
            throw PKIError.openSSL(.malformedKeystore, "the keystore is not a PKCS#12 file (truncated or corrupt?)",
                                   context: "\(pkcs12.count) bytes")
        }
        defer { PKCS12_free(parsed) }
        let (key, leaf, others) = try password.withCString { password in
            try Identity.unpack(parsed, password: password)
        }
        try self.init(privateKey: key, certificate: leaf, chain: others)
    }

    /// Loads a PKCS#12 keystore file; a missing or unreadable file throws `.fileNotReadable`.
    public init(pkcs12File file: URL, password: String) throws {
        try self.init(pkcs12: FileContents.read(file, what: "keystore"), password: password)
    }

    private static func unpack(_ p12: OpaquePointer, password: UnsafePointer<CChar>)
        throws -> (PrivateKey, Certificate, [Certificate]) {
        if PKCS12_mac_present(p12) == 1, PKCS12_verify_mac(p12, password, -1) != 1 {
            throw PKIError.openSSL(.wrongPassword, "the keystore password is wrong (or the keystore was altered)")
        }
        var pkey: OpaquePointer?
        var x509: OpaquePointer?
        var stack: OpaquePointer?
        guard PKCS12_parse(p12, password, &pkey, &x509, &stack) == 1 else {
            throw PKIError.openSSL(.malformedKeystore,
                                   "the keystore cannot be unpacked (legacy RC2/3DES encryption needs re-export)")
        }
        defer { if let stack { shim_sk_X509_pop_free(stack) } }
        guard let pkey, let x509 else {
            if let pkey { EVP_PKEY_free(pkey) }
            if let x509 { X509_free(x509) }
            throw PKIError(.malformedKeystore, "the keystore lacks a private key or its certificate")
        }
        let certificate: Certificate
        do {
            certificate = try Certificate(adopting: x509)
        } catch {
            EVP_PKEY_free(pkey)
            throw error
        }
        let key = try PrivateKey(adopting: pkey)
        var chain: [Certificate] = []
        for index in 0..<(stack.map { shim_sk_X509_num($0) } ?? 0) {
            guard let stack, let element = shim_sk_X509_value(stack, index) else { continue }
            X509_up_ref(element)   // the stack's reference goes with pop_free above
            chain.append(try Certificate(adopting: element))
        }
        return (key, certificate, chain)
    }
}
