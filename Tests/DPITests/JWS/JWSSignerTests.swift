import DPI
import Foundation
import PKI
import Testing
import TestSupport

/// Our signed business messages: the header of spec section 6, verifiable by our verifier and by an
/// independent implementation (python `cryptography`).
@Suite("JWS: signing")
struct JWSSignerTests {
    static let payload = Data(#"{"standardBusinessDocument":{"digital":{"tittel":"Brev \/ ÆØÅ"}}}"#.utf8)

    @Test("a JWS signed with the sender identity verifies against the test PKI and carries the payload unchanged")
    func verifiesWithOurVerifier() throws {
        let identity = try TestAnchors.identity("sender")
        let compact = try JWS.sign(payload: Self.payload, identity: identity)
        let jws = try TestAnchors.verifier().verify(compact, expectedOrganisation: "991825827")
        #expect(jws.payload == Self.payload)
        #expect(jws.signer?.der == identity.certificate.der)
        let header = #"{"x5c":[""# + identity.certificate.der.base64EncodedString() + #""],"alg":"RS256"}"#
        #expect(jws.header == Data(header.utf8))
        #expect(!compact.contains("=") && !compact.contains("+") && !compact.contains("/"))
    }

    @Test("python cryptography verifies our JWS over the signing input with x5c[0], and rejects an altered one")
    func verifiesWithPythonCryptography() throws {
        let compact = try JWS.sign(payload: Self.payload, identity: TestAnchors.identity("sender"))
        let verified = try ChildProcess.run("/usr/bin/python3", ["-c", Self.independentVerifier],
                                            input: Data(compact.utf8))
        #expect(verified.status == 0, "python: \(verified.stderr)")
        #expect(verified.stdout == Self.payload)

        var parts = compact.split(separator: ".").map(String.init)
        parts[1] = Base64URL.encode(Data(#"{"standardBusinessDocument":{}}"#.utf8))
        let altered = try ChildProcess.run("/usr/bin/python3", ["-c", Self.independentVerifier],
                                           input: Data(parts.joined(separator: ".").utf8))
        #expect(altered.status != 0)
        #expect(altered.stderr.contains("InvalidSignature"))
    }

    @Test("a signer encodes its header once and every JWS it makes starts with that same header part")
    func reusesTheEncodedHeader() throws {
        let identity = try TestAnchors.identity("sender")
        let signer = JWSSigner(identity: identity)
        #expect(Base64URL.decode(signer.encodedHeader) == Data(signer.header.utf8))
        let payloads = (0..<60).map { Data(repeating: UInt8(truncatingIfNeeded: $0), count: $0 * 7) }
        for payload in payloads {
            let compact = try signer.sign(payload)
            #expect(compact.hasPrefix(signer.encodedHeader + "."))
            #expect(try JWS.parse(compact).payload == payload)
        }
        // RS256 is deterministic: the one-shot form gives the very same JWS.
        #expect(try JWS.sign(payload: payloads[5], identity: identity) == signer.sign(payloads[5]))
    }

    /// Reads a compact JWS on stdin; checks the header has exactly x5c (one element) then alg RS256,
    /// verifies PKCS#1 v1.5 SHA-256 over the signing input with x5c[0], and prints the payload.
    static let independentVerifier = #"""
    import base64, json, sys
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    def unbase64url(text):
        assert "=" not in text, "padding in a JWS part"
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))

    header_part, payload_part, signature_part = sys.stdin.read().strip().split(".")
    header = json.loads(unbase64url(header_part))
    assert list(header.keys()) == ["x5c", "alg"], header.keys()
    assert header["alg"] == "RS256"
    assert len(header["x5c"]) == 1
    certificate = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0], validate=True))
    certificate.public_key().verify(unbase64url(signature_part), (header_part + "." + payload_part).encode("ascii"),
                                    padding.PKCS1v15(), hashes.SHA256())
    sys.stdout.buffer.write(unbase64url(payload_part))
    """#
}
