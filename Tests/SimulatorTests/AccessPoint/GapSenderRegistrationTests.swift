import DPI
import Foundation
import Simulator
import Testing

/// Spec 15 item 11: only senders, and `avsenderidentifikator` values, registered with the providers are
/// accepted once a register is configured; without one every sender is.
@Suite("Gap: sender registration")
struct GapSenderRegistrationTests {
    /// The status and rule of a digital letter naming `identifier`, sent to an access point with `register`.
    private func send(identifier: String?, register: [OrganisationNumber: Set<String>]?) throws
        -> (status: Int, rule: String?) {
        let fixture = try AccessPointFixture(registeredSenders: register)
        let token = try fixture.accessToken()
        let response = try fixture.send(fixture.digitalLetter(token: token, senderIdentifier: identifier),
                                        token: token)
        return (response.status, AccessPointFixture.rule(of: response))
    }

    @Test("a registered avsenderidentifikator, or none, from a registered sender is accepted")
    func registeredAccepted() throws {
        let register = [AccessPointFixture.sender: Set(["skatt-innkreving"])]
        #expect(try send(identifier: "skatt-innkreving", register: register).status == 201)
        #expect(try send(identifier: nil, register: register).status == 201)
    }

    @Test("an avsenderidentifikator not registered for the avsender is refused: sender-not-registered")
    func unregisteredIdentifierRefused() throws {
        let result = try send(identifier: "ukjent-avdeling",
                              register: [AccessPointFixture.sender: Set(["skatt-innkreving"])])
        #expect(result.status == 400)
        #expect(result.rule == "sender-not-registered")
    }

    @Test("an avsender that is not registered at all is refused: sender-not-registered")
    func unregisteredSenderRefused() throws {
        let result = try send(identifier: nil, register: [AccessPointFixture.delegator: []])
        #expect(result.status == 400)
        #expect(result.rule == "sender-not-registered")
    }

    @Test("without a register any avsenderidentifikator is accepted")
    func noRegisterAcceptsAny() throws {
        #expect(try send(identifier: "hva-som-helst", register: nil).status == 201)
    }
}
