import Foundation

/// RSAES-OAEP-params (RFC 8017 appendix A.2.1) for SHA-256, MGF1 with SHA-256 and the empty label:
/// the only OAEP parameters this sender emits (spec section 8).
///
/// RFC 4055 allows the sha256 AlgorithmIdentifiers inside with absent or NULL parameters. OpenSSL 3 writes
/// them absent; the reference implementation (and so every official example) writes NULL, and the spec
/// asks us to match the reference byte for byte.
enum OAEPParameters {
    /// id-sha256, 2.16.840.1.101.3.4.2.1.
    private static let sha256 = DER.objectIdentifier([0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01])
    /// id-mgf1, 1.2.840.113549.1.1.8.
    private static let mgf1 = DER.objectIdentifier([0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x08])

    /// The reference's form, with `NULL` after each sha256 OID.
    static let sha256WithNullParameters = encode(sha256Parameters: DER.null)
    /// OpenSSL's form, with the sha256 parameters left out.
    static let sha256WithAbsentParameters = encode(sha256Parameters: Data())

    private static func encode(sha256Parameters: Data) -> Data {
        let hash = DER.sequence(sha256, sha256Parameters)
        return DER.sequence(DER.explicit(0, hash), DER.explicit(1, DER.sequence(mgf1, hash)))
    }
}
