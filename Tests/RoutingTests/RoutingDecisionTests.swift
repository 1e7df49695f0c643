import DPI
import PKI
import Routing
import Testing
import TestSupport

/// The decision table of spec 4.3: every KRR category × address complete or not × print on or off.
@Suite struct RoutingDecisionTests {
    static let personID = "01017012345"
    static let complete = RecipientAddress(personIdentifier: personID, name: "Ola Nordmann", lines: ["Gate 1"],
                                           postalCode: "0150", city: "OSLO")
    static let incomplete = RecipientAddress(personIdentifier: personID, name: "Ola Nordmann", lines: ["Gate 1"])
    static let mailbox = KRRPerson.Mailbox(address: "ola.nordmann#1234", provider: "984661185")

    /// Each KRR outcome that forbids digital delivery, with the reason it must give.
    static let notDigital: [(String, KRRPerson?, RouteReason)] = [
        ("reserved with a mailbox", KRRPerson(identifier: personID, reserved: true, mailbox: mailbox,
                                              certificate: "pem"), .reserved),
        ("cannot be notified", KRRPerson(identifier: personID, canBeNotified: false), .cannotBeNotified),
        ("no mailbox", KRRPerson(identifier: personID), .noMailbox),
        ("mailbox without certificate", KRRPerson(identifier: personID, mailbox: mailbox), .noMailbox),
        ("inactive", KRRPerson(identifier: personID, status: .other("UKJENT"), mailbox: mailbox,
                               certificate: "pem"), .inactive),
        ("deleted", KRRPerson(identifier: personID, status: .deleted, canBeNotified: false), .deleted),
        ("not registered", KRRPerson(identifier: personID, status: .notRegistered, canBeNotified: false),
         .notRegistered),
        ("unknown", nil, .unknown),
    ]

    static func certificate() throws -> Certificate {
        try Certificate(contentsOf: TestPKI.file("digipost.cert.pem"))
    }

    @Test("every non-digital KRR outcome goes to print with a complete address and print on",
          arguments: notDigital.indices)
    func printWhenAddressComplete(_ index: Int) throws {
        let (_, person, reason) = Self.notDigital[index]
        let certificate = try Self.certificate()
        let route = RoutingDecision.decide(person: person, recipient: Self.complete, printEnabled: true) { _, _ in
            certificate
        }
        #expect(route == .print(reason))
        #expect(route.reasonCode == reason.rawValue)
    }

    @Test("every non-digital KRR outcome is unreachable without a complete address", arguments: notDigital.indices)
    func unreachableWhenAddressIncomplete(_ index: Int) throws {
        let (_, person, reason) = Self.notDigital[index]
        let certificate = try Self.certificate()
        let route = RoutingDecision.decide(person: person, recipient: Self.incomplete, printEnabled: true) { _, _ in
            certificate
        }
        #expect(route == .unreachable(reason: .incompleteAddress, notDigitalBecause: reason))
        #expect(route.reasonCode == "incomplete-address")
    }

    @Test("every non-digital KRR outcome is unreachable when print is off", arguments: notDigital.indices)
    func unreachableWhenPrintDisabled(_ index: Int) throws {
        let (_, person, reason) = Self.notDigital[index]
        for recipient in [Self.complete, Self.incomplete] {
            let route = RoutingDecision.decide(person: person, recipient: recipient, printEnabled: false) { _, _ in
                nil
            }
            #expect(route == .unreachable(reason: .printDisabled, notDigitalBecause: reason))
        }
    }

    @Test("an active, notifiable person with a mailbox and a valid certificate goes digital, print on or off")
    func digitalWithMailbox() throws {
        let certificate = try Self.certificate()
        let person = KRRPerson(identifier: Self.personID, mailbox: Self.mailbox, certificate: "pem",
                               email: "ola@example.test", mobile: "+4799999999")
        for (recipient, printEnabled) in [(Self.complete, true), (Self.incomplete, false)] {
            let route = RoutingDecision.decide(person: person, recipient: recipient, printEnabled: printEnabled) {
                provider, text in
                #expect(provider == "984661185" && text == "pem")
                return certificate
            }
            let expected = DigitalRoute(provider: try OrganisationNumber("984661185"),
                                        mailboxAddress: "ola.nordmann#1234", certificate: certificate,
                                        email: "ola@example.test", mobile: "+4799999999")
            #expect(route == .digital(expected))
            #expect(route.reasonCode == "digital-mailbox")
        }
    }

    @Test("a mailbox certificate that fails validation makes the letter unreachable, never print or digital")
    func invalidCertificateIsUnreachable() {
        let person = KRRPerson(identifier: Self.personID, mailbox: Self.mailbox, certificate: "pem")
        let route = RoutingDecision.decide(person: person, recipient: Self.complete, printEnabled: true) { _, _ in nil }
        #expect(route == .unreachable(reason: .invalidProviderCertificate, notDigitalBecause: nil))
        #expect(route.reasonCode == "invalid-provider-certificate")
    }

    @Test("a reserved person is never routed digitally, whatever else KRR says")
    func reservedNeverDigital() throws {
        let certificate = try Self.certificate()
        for canBeNotified in [true, false] {
            let person = KRRPerson(identifier: Self.personID, reserved: true, canBeNotified: canBeNotified,
                                   mailbox: Self.mailbox, certificate: "pem")
            for recipient in [Self.complete, Self.incomplete] {
                for printEnabled in [true, false] {
                    let route = RoutingDecision.decide(person: person, recipient: recipient,
                                                       printEnabled: printEnabled) { _, _ in certificate }
                    if case .digital = route { Issue.record("a reserved person was routed digitally") }
                }
            }
        }
    }

    @Test("a row without a person id goes straight to print, even when a KRR record is given")
    func printOnlyRows() {
        var row = Self.complete
        row.personIdentifier = nil
        let person = KRRPerson(identifier: Self.personID, mailbox: Self.mailbox, certificate: "pem")
        #expect(RoutingDecision.decide(person: person, recipient: row, printEnabled: true) { _, _ in nil }
                == .print(.printOnly))
        row.postalCode = nil
        #expect(RoutingDecision.decide(person: nil, recipient: row, printEnabled: true) { _, _ in nil }
                == .unreachable(reason: .incompleteAddress, notDigitalBecause: .printOnly))
        #expect(RoutingDecision.decide(person: nil, recipient: row, printEnabled: false) { _, _ in nil }
                == .unreachable(reason: .printDisabled, notDigitalBecause: .printOnly))
    }

    @Test("postal address completeness: Norwegian needs lines, 4-digit code and city; foreign needs country and lines",
          arguments: [
              (RecipientAddress(personIdentifier: nil, name: "A", lines: ["Gate 1"], postalCode: "0150", city: "OSLO"),
               true),
              (RecipientAddress(personIdentifier: nil, name: "A", lines: ["Gate 1"], postalCode: "0150", city: "OSLO",
                                countryCode: "NO"), true),
              (RecipientAddress(personIdentifier: nil, name: "A", lines: [" "], postalCode: "0150", city: "OSLO"),
               false),
              (RecipientAddress(personIdentifier: nil, name: "A", lines: ["Gate 1"], postalCode: "150", city: "OSLO"),
               false),
              (RecipientAddress(personIdentifier: nil, name: "A", lines: ["Gate 1"], postalCode: "01A0", city: "OSLO"),
               false),
              (RecipientAddress(personIdentifier: nil, name: "A", lines: ["Gate 1"], postalCode: "0150", city: ""),
               false),
              (RecipientAddress(personIdentifier: nil, name: "", lines: ["Gate 1"], postalCode: "0150", city: "OSLO"),
               false),
              (RecipientAddress(personIdentifier: nil, name: "A", lines: ["1 Main St", "Springfield"],
                                countryCode: "US"), true),
              (RecipientAddress(personIdentifier: nil, name: "A", lines: [], countryCode: "SE"), false),
          ])
    func addressCompleteness(_ address: RecipientAddress, _ complete: Bool) {
        #expect(address.hasCompletePostalAddress == complete)
    }
}
