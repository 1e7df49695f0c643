import DPI
import Foundation
import HTTP
import Routing
import Simulator
import Testing
import TestSupport

/// The KRR client and the routing decision against the simulated KRR over loopback.
@Suite struct KRRClientTests {
    /// The route a seed category must get with a complete address and print on (spec 4.3).
    static func expectedReason(_ category: KRRCategory) -> RouteReason {
        switch category {
        case .digipost, .eboks: .digitalMailbox
        case .reserved: .reserved
        case .noMailbox: .noMailbox
        case .cannotNotify: .cannotBeNotified
        case .deleted: .deleted
        case .notRegistered: .notRegistered
        case .unknown: .unknown
        }
    }

    @Test("10,000 generated persons are looked up in at most 10 requests and every category is routed right")
    func tenThousandPersons() throws {
        let seed = KRRSeed.generate(count: 10_000)
        let fixture = try RoutingSimulation(seed: seed)
        let lookup = try fixture.krr.lookup(seed.persons.map(\.id))
        #expect(fixture.krr.lookupRequests <= 10)
        #expect(lookup.invalidIdentifiers.isEmpty)
        #expect(Set(seed.persons.map(\.category)) == Set(KRRCategory.allCases))
        let providers = fixture.simulation.krr.configuration
        var wrong = 0
        for person in seed.persons {
            let route = fixture.route(person.id, in: lookup)
            var right = route.reasonCode == Self.expectedReason(person.category).rawValue
            if case .digital(let digital) = route {
                let provider = person.category == .digipost ? providers.digipost : providers.eboks
                right = right && digital.provider == provider.organisation && !digital.mailboxAddress.isEmpty
                    && digital.certificate.der == provider.certificate.der
            }
            if !right { wrong += 1 }
        }
        #expect(wrong == 0, "\(wrong) of \(seed.persons.count) persons routed wrong")
    }

    @Test("a batch KRR refuses with 400 is split until the bad id is isolated; everyone else is looked up")
    func badIdentifierIsIsolated() throws {
        let seed = KRRSeed.generate(count: 40)
        let fixture = try RoutingSimulation(seed: seed)
        let good = seed.persons.first { $0.category == .digipost }!.id
        let bad = String(good.dropLast()) + String((Int(String(good.last!))! + 1) % 10)
        #expect(throws: DPIError.self) { try PersonIdentifier(bad, allowSynthetic: true) }
        let lookup = try fixture.krr.lookup(seed.persons.map(\.id) + [bad])
        #expect(lookup.invalidIdentifiers == [bad])
        let known = seed.persons.filter { $0.category != .unknown }
        #expect(Set(lookup.persons.keys) == Set(known.map(\.id)))
        #expect(fixture.krr.lookupRequests > 1)
    }

    @Test("an expired or untrusted mailbox certificate makes the letter unreachable, never encrypted to")
    func invalidProviderCertificates() throws {
        let text = { (name: String) in String(decoding: try TestPKI.data(name), as: UTF8.self) }
        let ids = KRRSeed.generate(count: 3).persons.map(\.id)
        let seed = KRRSeed(persons: [
            .init(id: ids[0], category: .digipost),
            .init(id: ids[1], category: .digipost, certificate: try text("expired-sender.cert.pem")),
            .init(id: ids[2], category: .eboks, certificate: try text("untrusted-sender.cert.pem")),
        ])
        let fixture = try RoutingSimulation(seed: seed)
        let lookup = try fixture.krr.lookup(ids)
        guard case .digital = fixture.route(ids[0], in: lookup) else {
            Issue.record("the person with a valid certificate was not routed digitally")
            return
        }
        for id in ids.dropFirst() {
            #expect(fixture.route(id, in: lookup) == .unreachable(reason: .invalidProviderCertificate,
                                                                  notDigitalBecause: nil))
        }
        let expired = try #require(lookup[ids[1]]?.certificate)
        let outcome = fixture.certificates.validate(provider: "984661185", certificate: expired)
        #expect(throws: ProviderCertificates.Rejection.self) { try outcome.get() }
        if case .failure(let rejection) = outcome { #expect(rejection.reason == "certificate expired") }
    }

    @Test("the print certificate is fetched once, validates, and names the print provider")
    func printCertificate() throws {
        let fixture = try RoutingSimulation(seed: KRRSeed.generate(count: 8))
        let client = try HTTPClient()
        let print = try fixture.krr.printCertificate(using: client)
        _ = try fixture.krr.printCertificate(using: client)
        #expect(fixture.krr.lookupRequests == 1)
        #expect(print.provider == fixture.simulation.krr.configuration.printProvider.organisation.rawValue)
        let certificate = try fixture.certificates.validate(provider: print.provider, certificate: print.certificate)
            .get()
        #expect(certificate.der == fixture.simulation.krr.configuration.printProvider.certificate.der)
    }
}
