import DPI
import Foundation
import PKI
@testable import Simulator
import Testing
import TestSupport

/// Digdir's four complete examples, made by the reference sender and accepted by real providers, pass every
/// check the access point runs on a letter (`LetterAdmission`: JWS signature and chain, business message and
/// its schema-level fields, SBDH parties, fingerprint, decryption, ASiC-E structure, signature and digests,
/// manifest, token rules) when the example key pair is the provider's and the clock is inside the validity
/// of the example certificates (issue 4, acceptance).
@Suite("Access point simulator: the official complete examples")
struct OfficialExampleAdmissionTests {
    /// An admission for `example`'s letter: the provider its SBDH receiver names, holding the `eksempel.pem`
    /// key pair, trusting the Buypass test root of the package's `KeyInfo` at the time `clock` gives.
    private static func admission(for example: OfficialExample, clock: @escaping @Sendable () -> Date) throws
        -> LetterAdmission {
        let message = try BusinessMessage(jsonData: JWS.parse(example.jwt()).payload)
        let pem = try Repository.example("eksempel.pem")
        let identity = try Identity(privateKey: PrivateKey(pem: pem), certificate: Certificate(pem: pem))
        let receiver = try #require(message.receiverOrganisationNumber)
        let provider = SimulatedProvider(identity: identity, organisation: receiver,
                                         mailboxCategory: message.type == .utskrift ? nil : .digipost)
        // KeyInfo order: signer, issuing CA, self-signed root (the JWS sends only the signer).
        let certificates = try example.packageCertificateDER().map { try Certificate(der: $0) }
        return LetterAdmission(providers: [provider],
                               trustStore: try TrustStore(anchors: certificates.filter { $0.subject == $0.issuer }),
                               intermediates: certificates.dropFirst().filter { $0.subject != $0.issuer },
                               clock: clock)
    }

    /// The example's own Maskinporten token, which the sender would have sent as its bearer token.
    private static func token(of example: OfficialExample) throws -> MaskinportenToken {
        try MaskinportenToken(compact: OfficialExample.embeddedToken(in: JWS.parse(example.jwt()).payload))
    }

    @Test("at the moment its token was issued, each example passes every admission check",
          arguments: OfficialExample.all)
    func passesAtExampleTime(example: OfficialExample) throws {
        let token = try Self.token(of: example)
        let issuedAt = token.issuedAt
        let admission = try Self.admission(for: example, clock: { issuedAt })
        let admitted = try admission.admit(jwt: example.jwt(), cms: example.cms(), token: token)
        #expect(admitted.provider == 0)
        #expect(admitted.fields.isPrint == (example.name == "utskrift"))
        #expect(admitted.message.type == (example.name == "utskrift" ? .utskrift : .digital))
    }

    @Test("at the real time, the chain step refuses each example as expired-jws-signer", arguments: OfficialExample.all)
    func expiredNow(example: OfficialExample) throws {
        // The example signing certificates have expired (SEID 1 ones in 2023, the utskrift one on 2026-05-05):
        // this test relies on that, so it says so first.
        let signer = try #require(try JWS.parse(example.jwt()).signer)
        #expect(signer.notAfter < Date())
        let admission = try Self.admission(for: example, clock: { Date() })
        let rejection = #expect(throws: LetterRejection.self) {
            try admission.admit(jwt: example.jwt(), cms: example.cms(), token: Self.token(of: example))
        }
        #expect(rejection?.rule == "expired-jws-signer")
    }
}
