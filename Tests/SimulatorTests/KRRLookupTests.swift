import DPI
import Foundation
import HTTP
import PKI
import Simulator
import Testing
import TestSupport

/// The simulated KRR answers every category of person with the fields and values of spec 4.2, within the
/// limits of spec 4.1, and only to bearer tokens of the simulated Maskinporten with a KRR scope.
@Suite("KRR simulator: person lookup")
struct KRRLookupTests {
    /// One seed person per category, in `KRRCategory.allCases` order.
    static let seed = KRRSeed.generate(count: KRRCategory.allCases.count)

    /// The lookup of every seed person with a token of `scope`, as person records by category.
    static func lookUpEveryCategory(scope: String = Simulation.krrScopes) throws
        -> [KRRCategory: [String: Any]] {
        let simulation = try Simulation(seed: seed)
        let response = try simulation.lookup(seed.persons.map(\.id), token: simulation.accessToken(scope: scope))
        #expect(response.status == 200, "\(response.text)")
        #expect(response.headers.first(name: "Content-Type") == "application/json")
        let records = try #require(try Simulation.json(response)["personer"] as? [[String: Any]])
        var byCategory: [KRRCategory: [String: Any]] = [:]
        for record in records {
            let id = try #require(record["personidentifikator"] as? String)
            let person = try #require(seed.persons.first { $0.id == id })
            byCategory[person.category] = record
        }
        #expect(byCategory.count == records.count, "one record per person")
        return byCategory
    }

    @Test("a person with a Digipost or e-Boks mailbox: AKTIV, NEI, KAN_VARSLES, contact data, mailbox, certificate")
    func digitalPersons() throws {
        let records = try Self.lookUpEveryCategory()
        for (category, provider) in [(KRRCategory.digipost, "digipost"), (.eboks, "eboks")] {
            let record = try #require(records[category])
            #expect(record["status"] as? String == "AKTIV")
            #expect(record["reservasjon"] as? String == "NEI")
            #expect(record["varslingsstatus"] as? String == "KAN_VARSLES")
            #expect(record["spraak"] as? String == "nb")
            let contact = try #require(record["kontaktinformasjon"] as? [String: String])
            #expect(contact["epostadresse"]?.hasSuffix("@example.test") == true)
            #expect(contact["mobiltelefonnummer"]?.hasPrefix("+47") == true)
            for key in ["epostadresse_oppdatert", "epostadresse_sist_verifisert", "mobiltelefonnummer_oppdatert",
                        "mobiltelefonnummer_sist_verifisert"] {
                let stamp = try #require(contact[key])
                let date = try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(stamp)
                #expect(date < Date() && stamp.hasSuffix("Z"), "\(key) \(stamp)")
            }
            let mailbox = try #require(record["digital_post"] as? [String: String])
            let expected = try Certificate(contentsOf: TestPKI.file("\(provider).cert.pem"))
            #expect(mailbox["postkasseleverandoeradresse"] == expected.organisationNumber)
            #expect(mailbox["postkasseadresse"]?.isEmpty == false)
            let pem = try #require(record["sertifikat"] as? String)
            #expect(pem.hasPrefix("-----BEGIN CERTIFICATE-----\n") && pem.hasSuffix("-----END CERTIFICATE-----\n"))
            #expect(try Certificate(pem: pem).der == expected.der)
        }
        #expect(records[.digipost]?["digital_post"].map { "\($0)" } != records[.eboks]?["digital_post"].map { "\($0)" })
    }

    @Test("a person without a mailbox: AKTIV, NEI, KAN_VARSLES, contact data, no digital_post, no certificate")
    func personWithoutMailbox() throws {
        let record = try #require(try Self.lookUpEveryCategory()[.noMailbox])
        #expect(record["status"] as? String == "AKTIV")
        #expect(record["reservasjon"] as? String == "NEI")
        #expect(record["varslingsstatus"] as? String == "KAN_VARSLES")
        #expect(record["kontaktinformasjon"] != nil)
        #expect(record["digital_post"] == nil && record["sertifikat"] == nil)
    }

    @Test("a reserved person: reservasjon JA with its time, KAN_IKKE_VARSLES, no contact data, mailbox or certificate")
    func reservedPerson() throws {
        let record = try #require(try Self.lookUpEveryCategory()[.reserved])
        #expect(record["status"] as? String == "AKTIV")
        #expect(record["reservasjon"] as? String == "JA")
        #expect(record["reservasjonstidspunkt"] is String)
        #expect(record["varslingsstatus"] as? String == "KAN_IKKE_VARSLES")
        #expect(record["kontaktinformasjon"] == nil && record["digital_post"] == nil && record["sertifikat"] == nil)
    }

    @Test("a person who cannot be notified: AKTIV, NEI, KAN_IKKE_VARSLES, contact data, mailbox and certificate hidden")
    func personWhoCannotBeNotified() throws {
        let record = try #require(try Self.lookUpEveryCategory()[.cannotNotify])
        #expect(record["status"] as? String == "AKTIV")
        #expect(record["reservasjon"] as? String == "NEI")
        #expect(record["varslingsstatus"] as? String == "KAN_IKKE_VARSLES")
        #expect(record["kontaktinformasjon"] == nil && record["digital_post"] == nil && record["sertifikat"] == nil)
    }

    @Test("deleted and not registered persons: SLETTET / IKKE_REGISTRERT with nothing else; unknown ones are left out")
    func deletedUnregisteredAndUnknownPersons() throws {
        let records = try Self.lookUpEveryCategory()
        for (category, status) in [(KRRCategory.deleted, "SLETTET"), (.notRegistered, "IKKE_REGISTRERT")] {
            let record = try #require(records[category])
            #expect(record["status"] as? String == status)
            #expect(record["varslingsstatus"] as? String == "KAN_IKKE_VARSLES")
            #expect(Set(record.keys) == ["personidentifikator", "status", "reservasjon", "varslingsstatus"])
        }
        #expect(records[.unknown] == nil)
        #expect(records.count == KRRCategory.allCases.count - 1)
    }

    @Test("a token with only the digital post scope gets mailbox and certificate but no contact data")
    func digitalPostScopeOnly() throws {
        let records = try Self.lookUpEveryCategory(scope: KRRSimulator.digitalPostScope)
        let record = try #require(records[.digipost])
        #expect(record["digital_post"] != nil && record["sertifikat"] != nil)
        #expect(record["kontaktinformasjon"] == nil && record["varslingsstatus"] == nil && record["spraak"] == nil)
        #expect(record["reservasjon"] as? String == "NEI" && record["status"] as? String == "AKTIV")
    }

    @Test("a token with only the contact information scope gets contact data but no mailbox or certificate")
    func contactScopeOnly() throws {
        let records = try Self.lookUpEveryCategory(scope: KRRSimulator.contactInformationScope)
        let record = try #require(records[.eboks])
        #expect(record["kontaktinformasjon"] != nil && record["varslingsstatus"] as? String == "KAN_VARSLES")
        #expect(record["digital_post"] == nil && record["sertifikat"] == nil)
    }

    @Test("the certificate can be configured as bare base64 DER instead of PEM")
    func base64Certificate() throws {
        let simulation = try Simulation(seed: Self.seed, certificateEncoding: .base64DER)
        let response = try simulation.lookup([Self.seed.persons[0].id], token: simulation.accessToken(
            scope: Simulation.krrScopes))
        let record = try #require((try Simulation.json(response)["personer"] as? [[String: Any]])?.first)
        let text = try #require(record["sertifikat"] as? String)
        let der = try #require(Data(base64Encoded: text))
        #expect(der == (try Certificate(contentsOf: TestPKI.file("digipost.cert.pem"))).der)
    }

    @Test("a seed person's own certificate text (an expired one here) is returned verbatim as sertifikat")
    func seedCertificateOverride() throws {
        var seed = Self.seed
        let expired = try String(contentsOf: TestPKI.file("expired-sender.cert.pem"), encoding: .utf8)
        seed.persons[1].certificate = expired
        let simulation = try Simulation(seed: seed)
        let response = try simulation.lookup([seed.persons[1].id], token: simulation.accessToken(
            scope: Simulation.krrScopes))
        let record = try #require((try Simulation.json(response)["personer"] as? [[String: Any]])?.first)
        #expect(record["sertifikat"] as? String == expired)
        #expect((record["digital_post"] as? [String: String])?["postkasseleverandoeradresse"] == "922020175")
    }

    @Test("the answer to the same lookup is the same every time")
    func answersAreStable() throws {
        let simulation = try Simulation(seed: Self.seed)
        let token = try simulation.accessToken(scope: Simulation.krrScopes)
        let ids = Self.seed.persons.map(\.id)
        #expect(try simulation.lookup(ids, token: token).body == simulation.lookup(ids, token: token).body)
    }
}
