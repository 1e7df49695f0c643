public import Foundation

/// Verifies a compact JWS with python's `cryptography` (Debian's /usr/bin/python3), a check independent
/// of our own JWS code: the header must have exactly the expected members in order with `alg` RS256, and
/// the RS256 signature over the signing input must verify with `x5c[0]` or with a given PEM certificate.
public enum IndependentJWSVerifier {
    /// Runs the check on `compact`. `headerMembers` is the exact member list (`["x5c", "alg"]` for DPI
    /// business messages, `["kid", "alg"]` for Maskinporten tokens); `certificate` is a PEM file to verify
    /// with instead of `x5c[0]`. Exit status 0 and the payload on stdout when it verifies; otherwise a
    /// non-zero status with the reason (e.g. `InvalidSignature`) on stderr.
    public static func run(_ compact: String, headerMembers: [String], certificate: URL? = nil) throws
        -> ChildProcess.Result {
        try ChildProcess.run("/usr/bin/python3",
                             ["-c", script, headerMembers.joined(separator: ","), certificate?.path ?? ""],
                             input: Data(compact.utf8))
    }

    private static let script = #"""
    import base64, json, sys
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    def unbase64url(text):
        assert "=" not in text, "padding in a JWS part"
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))

    expected_members, certificate_path = sys.argv[1].split(","), sys.argv[2]
    header_part, payload_part, signature_part = sys.stdin.read().strip().split(".")
    header = json.loads(unbase64url(header_part))
    assert list(header.keys()) == expected_members, header.keys()
    assert header["alg"] == "RS256"
    if certificate_path:
        with open(certificate_path, "rb") as pem:
            certificate = x509.load_pem_x509_certificate(pem.read())
    else:
        assert len(header["x5c"]) == 1
        certificate = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0], validate=True))
    certificate.public_key().verify(unbase64url(signature_part), (header_part + "." + payload_part).encode("ascii"),
                                    padding.PKCS1v15(), hashes.SHA256())
    sys.stdout.buffer.write(unbase64url(payload_part))
    """#
}
