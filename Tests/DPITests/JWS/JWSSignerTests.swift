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
        let verified = try IndependentJWSVerifier.run(compact, headerMembers: ["x5c", "alg"])
        #expect(verified.status == 0, "python: \(verified.stderr)")
        #expect(verified.stdout == Self.payload)

        var parts = compact.split(separator: ".").map(String.init)
        parts[1] = Base64URL.encode(Data(#"{"standardBusinessDocument":{}}"#.utf8))
        let altered = try IndependentJWSVerifier.run(parts.joined(separator: "."), headerMembers: ["x5c", "alg"])
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
}
