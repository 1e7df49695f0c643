import DPI
import Foundation
import HTTP
import Simulator
import Testing

/// Each rule corner 2 or corner 4 enforces, broken once: 400 problem+json naming it (or 401/403 for the
/// token), counted by rule in the report, and nothing stored (spec 10.2, 15, 17.3).
@Suite("Access point simulator: rejecting letters")
struct AccessPointRejectionTests {
    /// Sends what `make` builds and expects 400 naming `rule`, counted once and nothing accepted.
    private func expectRejected(_ rule: String,
                                _ make: (AccessPointFixture, String) throws -> (jwt: String, cms: Data)) throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let (jwt, cms) = try make(fixture, token)
        let response = try fixture.send(jwt: jwt, cms: cms, token: token)
        #expect(response.status == 400, "\(response.text)")
        #expect(response.headers.first(name: "Content-Type") == "application/problem+json")
        #expect(AccessPointFixture.rule(of: response) == rule, "\(response.text)")
        let report = try fixture.report()
        #expect(report.rejected == [rule: 1])
        #expect(report.accepted == 0)
    }

    /// As `expectRejected(_:_:)` for a sealed letter sent as it is.
    private func expectRejected(_ rule: String, letter: (AccessPointFixture, String) throws -> SealedLetter) throws {
        try expectRejected(rule) { fixture, token in
            let sealed = try letter(fixture, token)
            return (sealed.jwt, sealed.cms)
        }
    }

    @Test("a JWS whose signature does not match its content: bad-jws-signature")
    func badSignature() throws {
        try expectRejected("bad-jws-signature") { fixture, token in
            let letter = try fixture.digitalLetter(token: token)
            var parts = letter.jwt.split(separator: ".").map(String.init)
            let other = try fixture.digitalLetter(token: token)
            parts[2] = String(other.jwt.split(separator: ".")[2])
            return (parts.joined(separator: "."), letter.cms)
        }
    }

    @Test("a letter signed with a certificate from an untrusted CA: untrusted-jws-signer")
    func untrustedSigner() throws {
        try expectRejected("untrusted-jws-signer") { fixture, token in
            try fixture.digitalLetter(token: token, signer: "untrusted-sender")
        }
    }

    @Test("a package that is not the one the message fingerprints: fingerprint-mismatch")
    func wrongFingerprint() throws {
        try expectRejected("fingerprint-mismatch") { fixture, token in
            (try fixture.digitalLetter(token: token).jwt, try fixture.digitalLetter(token: token).cms)
        }
    }

    @Test("a package encrypted to another provider than the addressed one: package-decryption-failed")
    func wrongEncryptionKey() throws {
        try expectRejected("package-decryption-failed") { fixture, token in
            try fixture.digitalLetter(token: token, encryptTo: "eboks")
        }
    }

    @Test("a Digipost person's letter sent to e-Boks: wrong-mailbox-provider")
    func wrongProviderForCategory() throws {
        try expectRejected("wrong-mailbox-provider") { fixture, token in
            try fixture.digitalLetter(token: token, provider: AccessPointFixture.eboks, encryptTo: "eboks")
        }
    }

    @Test("a digital letter to a person reserved against digital post: recipient-reserved")
    func reservedPersonSentDigital() throws {
        try expectRejected("recipient-reserved") { fixture, token in
            try fixture.digitalLetter(token: token, mailboxAddress: AccessPointFixture.mailbox[.reserved]!)
        }
    }

    @Test("a digital letter to a person without a mailbox: recipient-without-mailbox")
    func personWithoutMailbox() throws {
        try expectRejected("recipient-without-mailbox") { fixture, token in
            try fixture.digitalLetter(token: token, mailboxAddress: AccessPointFixture.mailbox[.noMailbox]!)
        }
    }

    @Test("a digital letter to a mailbox address nobody in KRR has: unknown-mailbox")
    func unknownMailbox() throws {
        try expectRejected("unknown-mailbox") { fixture, token in
            try fixture.digitalLetter(token: token, mailboxAddress: "ingen.her#0000")
        }
    }

    @Test("a message embedding another token than the bearer token: token-mismatch")
    func embeddedTokenDiffers() throws {
        try expectRejected("token-mismatch") { fixture, _ in
            try fixture.digitalLetter(token: try fixture.accessToken())
        }
    }

    @Test("a forretningsmelding that is not a JWS: malformed-jws")
    func notAJWS() throws {
        try expectRejected("malformed-jws") { _, _ in ("not a jws", Data("x".utf8)) }
    }

    @Test("a reused message id: 400 message-id-reused, counted as a duplicate attempt, stored once")
    func reusedMessageId() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let letter = try fixture.digitalLetter(token: token)
        #expect(try fixture.send(letter, token: token).status == 201)
        let again = try fixture.send(letter, token: token)
        #expect(again.status == 400)
        #expect(AccessPointFixture.rule(of: again) == "message-id-reused")
        let report = try fixture.report()
        #expect(report.accepted == 1)
        #expect(report.duplicateAttempts == 1)
        #expect(report.deliveredPerRecipient.values.reduce(0, +) == 1)
    }

    @Test("no bearer token: 401 with WWW-Authenticate; a token without the send scope: 403")
    func tokenMissingOrWithoutScope() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let letter = try fixture.digitalLetter(token: token)
        let missing = try fixture.send(letter, token: nil)
        #expect(missing.status == 401)
        #expect(missing.headers.first(name: "WWW-Authenticate")?.contains("invalid_token") == true)
        let lookupOnly = try fixture.accessToken(scope: KRRSimulator.digitalPostScope)
        let forbidden = try fixture.send(fixture.digitalLetter(token: lookupOnly), token: lookupOnly)
        #expect(forbidden.status == 403)
        #expect(try fixture.report().rejected == ["unauthorized": 1, "forbidden": 1])
    }

    @Test("a kanal with characters outside a-z A-Z 0-9 _ - is refused: invalid-kanal")
    func invalidKanal() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let response = try fixture.send(fixture.digitalLetter(token: token), token: token, kanal: "min.kanal")
        #expect(response.status == 400)
        #expect(AccessPointFixture.rule(of: response) == "invalid-kanal")
    }
}
