import Foundation

/// RSAES-OAEP-params (RFC 8017 appendix A.2.1) for SHA-256, MGF1 with SHA-256 and the empty label:
/// the only OAEP parameters this sender emits (spec section 8).
///
/// RFC 4055 allows the sha256 AlgorithmIdentifiers inside with absent or NULL parameters. OpenSSL 3 writes
/// them absent; the reference implementation (and so every official example) writes NULL, and the spec
/// asks us to match the reference byte for byte.
enum OAEPParameters {
    /// id-RSAES-OAEP, 1.2.840.113549.1.1.7.
    private static let rsaesOAEP = DER.objectIdentifier([0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x07])
    /// id-sha256, 2.16.840.1.101.3.4.2.1.
    private static let sha256 = DER.objectIdentifier([0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01])
    /// id-mgf1, 1.2.840.113549.1.1.8.
    private static let mgf1 = DER.objectIdentifier([0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x08])

    /// The key-encryption AlgorithmIdentifier of a KeyTransRecipientInfo: id-RSAES-OAEP with the reference's
    /// parameters, `NULL` after each sha256 OID (spec section 8 gives these exact 62 bytes).
    static let sha256AlgorithmIdentifier: Data = {
        let hash = DER.sequence(sha256, DER.null)
        let parameters = DER.sequence(DER.explicit(0, hash), DER.explicit(1, DER.sequence(mgf1, hash)))
        return DER.sequence(rsaesOAEP, parameters)
    }()
}
