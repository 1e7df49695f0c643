import Foundation
import Routing
import Simulator
import Testing
import TestSupport

/// Routing a batch of rows end to end against the simulated KRR.
@Suite struct RouterTests {
    @Test("a batch of rows gets one outcome each, in order, with the KRR answer it was based on")
    func routesRowsWithEvidence() throws {
        let seed = KRRSeed.generate(count: 16)
        let fixture = try RoutingSimulation(seed: seed)
        let router = Router(krr: fixture.krr, certificates: fixture.certificates)
        let digital = try #require(seed.persons.first { $0.category == .eboks }).id
        let reserved = try #require(seed.persons.first { $0.category == .reserved }).id
        let unknown = try #require(seed.persons.first { $0.category == .unknown }).id
        let bad = String(digital.dropLast()) + String((Int(String(digital.last!))! + 1) % 10)
        let address = { (id: String?) in
            RecipientAddress(personIdentifier: id, name: "Kari Nordmann", lines: ["Storgata 1"], postalCode: "0155",
                             city: "OSLO")
        }
        var noAddress = address(reserved)
        noAddress.postalCode = nil
        let outcomes = try router.route([address(digital), address(reserved), noAddress, address(unknown),
                                         address(nil), address(bad)], printEnabled: true)
        #expect(outcomes.map(\.route.reasonCode) == ["digital-mailbox", "reserved", "incomplete-address", "unknown",
                                                     "print-only", "invalid-person-identifier"])
        #expect(outcomes[0].krrSnapshot?.contains("\"digital_post\"") == true)
        #expect(outcomes[1].krrSnapshot?.contains("\"reservasjon\":\"JA\"") == true)
        #expect(outcomes[3].krrSnapshot == nil && outcomes[4].krrSnapshot == nil)
        #expect(outcomes[2].route == .unreachable(reason: .incompleteAddress, notDigitalBecause: .reserved))
    }
}
