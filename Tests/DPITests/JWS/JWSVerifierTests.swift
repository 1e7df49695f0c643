import DPI
import Foundation
import PKI
import Testing

/// Every way a received JWS can be wrong gives its own `DPIError` code, so that the caller can record why
/// a receipt or message was refused (spec sections 6 and 15, check 1).
@Suite("JWS: verification failures")
struct JWSVerifierTests {
    static let payload = Data(#"{"standardBusinessDocument":{"leveringskvittering":{}}}"#.utf8)

    private func signed(by name: String) throws -> String {
        try JWS.sign(payload: Self.payload, identity: TestAnchors.identity(name))
    }

    private func code(verifying compact: String, expectedOrganisation: String? = nil) throws -> DPIError.Code? {
        let verifier = try TestAnchors.verifier()
        let error = #expect(throws: DPIError.self) {
            try verifier.verify(compact, expectedOrganisation: expectedOrganisation)
        }
        return error?.code
    }

    /// `compact` with its header replaced by `header` (JSON text), keeping payload and signature.
    private func replacingHeader(of compact: String, with header: String) -> String {
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return ([Base64URL.encode(Data(header.utf8))] + parts.dropFirst()).joined(separator: ".")
    }

    @Test("one changed payload byte gives badJWSSignature")
    func changedPayloadByte() throws {
        let parts = try signed(by: "sender").split(separator: ".").map(String.init)
        var payload = try #require(Base64URL.decode(parts[1]))
        payload[payload.startIndex + 30] ^= 0x01
        let tampered = [parts[0], Base64URL.encode(payload), parts[2]].joined(separator: ".")
        #expect(try code(verifying: tampered) == .badJWSSignature)
    }

    @Test("a truncated signature gives badJWSSignature")
    func truncatedSignature() throws {
        let compact = try signed(by: "sender")
        #expect(try code(verifying: String(compact.dropLast(4))) == .badJWSSignature)
    }

    @Test("alg none, HS256 or RS512 gives unsupportedJWSAlgorithm", arguments: ["none", "HS256", "RS512"])
    func otherAlgorithm(algorithm: String) throws {
        let compact = try signed(by: "sender")
        let header = try #require(String(data: JWS.parse(compact).header, encoding: .utf8))
        let forged = replacingHeader(of: compact, with: header.replacingOccurrences(of: "RS256", with: algorithm))
        #expect(try code(verifying: forged) == .unsupportedJWSAlgorithm)
        let bare = Base64URL.encode(Data(#"{"alg":"\#(algorithm)"}"#.utf8)) + "." + Base64URL.encode(Self.payload) + "."
        #expect(try code(verifying: bare) == .unsupportedJWSAlgorithm)
    }

    @Test("a signer from another root gives untrustedJWSSigner")
    func untrustedSigner() throws {
        #expect(try code(verifying: signed(by: "untrusted-sender")) == .untrustedJWSSigner)
    }

    @Test("a signer whose certificate expired gives expiredJWSSigner")
    func expiredSigner() throws {
        #expect(try code(verifying: signed(by: "expired-sender")) == .expiredJWSSigner)
    }

    @Test("a valid signer is checked at the configured clock's time: after its validity it counts as expired")
    func configuredClock() throws {
        let compact = try signed(by: "sender")
        let now = try TestAnchors.verifier()
        try now.verify(compact)
        let signer = try #require(try JWS.parse(compact).signer)
        for time in [signer.notAfter.addingTimeInterval(86_400), signer.notBefore.addingTimeInterval(-86_400)] {
            let verifier = JWSVerifier(trustStore: now.trustStore, intermediates: now.intermediates, clock: { time })
            let error = #expect(throws: DPIError.self) { try verifier.verify(compact) }
            #expect(error?.code == .expiredJWSSigner)
        }
    }

    @Test("a receipt expected from Digipost (984661185) but signed by e-Boks gives wrongJWSSignerOrganisation")
    func wrongOrganisation() throws {
        let compact = try signed(by: "eboks")
        try TestAnchors.verifier().verify(compact, expectedOrganisation: "922020175")
        #expect(try code(verifying: compact, expectedOrganisation: "984661185") == .wrongJWSSignerOrganisation)
    }

    @Test("truncated or garbage input gives malformedJWS", arguments: [
        "", "garbage", "a.b", "a.b.c.d", "!!!.e30.AA", "e30.e30.A", "e30=.e30.AA", "W10.e30.AA", "bm90IGpzb24.e30.AA",
        "e30.e30.AA", "eyJhbGciOjF9.e30.AA",
    ])
    func garbage(input: String) throws {
        #expect(try code(verifying: input) == .malformedJWS)
    }

    @Test("a JWS cut off inside its header or payload gives malformedJWS")
    func truncatedJWS() throws {
        let compact = try signed(by: "sender")
        let firstDot = try #require(compact.firstIndex(of: "."))
        #expect(try code(verifying: String(compact[..<firstDot])) == .malformedJWS)
        #expect(try code(verifying: String(compact.prefix(compact.count / 2))) == .malformedJWS)
    }

    @Test("an x5c that is missing, not an array, not base64 or not a certificate gives malformedJWS", arguments: [
        #"{"alg":"RS256"}"#, #"{"x5c":"MIIB","alg":"RS256"}"#, #"{"x5c":["@@@"],"alg":"RS256"}"#,
        #"{"x5c":["AAAA"],"alg":"RS256"}"#, #"{"x5c":[],"alg":"RS256"}"#,
        #"{"x5c":["AAAA"],"alg":"RS256","crit":["exp"]}"#,
    ])
    func badCertificateMember(header: String) throws {
        let forged = replacingHeader(of: try signed(by: "sender"), with: header)
        #expect(try code(verifying: forged) == .malformedJWS)
    }

    @Test("JWS failures concern the message at hand: disposition reject")
    func disposition() throws {
        let error = #expect(throws: DPIError.self) { try JWS.parse("garbage") }
        #expect(error?.disposition == .reject)
    }
}
