import DPI
import Foundation
import HTTP
import PKI
import Simulator
import Testing

/// The simulated KRR and access point agree: a letter addressed and encrypted with exactly what KRR
/// answers for a person (mailbox address, provider, certificate) is accepted, as a real sender's would be.
@Suite("Access point simulator: agreement with the simulated KRR")
struct AccessPointKRRAgreementTests {
    @Test("for the Digipost and e-Boks persons of a generated seed, KRR's answer makes a letter that is accepted")
    func krrAnswerMakesAnAcceptedLetter() throws {
        let seed = KRRSeed.generate(count: KRRCategory.allCases.count)
        let fixture = try AccessPointFixture(seed: seed)
        let token = try fixture.accessToken(
            scope: AccessPointSimulator.sendScope + " " + KRRSimulator.digitalPostScope)
        for category in [KRRCategory.digipost, .eboks] {
            let person = try #require(seed.persons.first { $0.category == category })
            let lookup = try fixture.client.perform(HTTPRequest(
                method: .post, url: fixture.baseURL + "/rest/v2/personer",
                headers: ["Content-Type": "application/json", "Authorization": "Bearer \(token)"],
                body: .bytes(try JSONSerialization.data(withJSONObject: ["personidentifikatorer": [person.id]]))))
            let body = try #require(try JSONSerialization.jsonObject(with: lookup.body) as? [String: Any])
            let record = try #require((body["personer"] as? [[String: Any]])?.first)
            let mailbox = try #require(record["digital_post"] as? [String: String])
            let certificate = try Certificate(pem: Data(try #require(record["sertifikat"] as? String).utf8))
            let provider = try OrganisationNumber(try #require(mailbox["postkasseleverandoeradresse"]))
            let letter = try fixture.digitalLetter(
                token: token, mailboxAddress: try #require(mailbox["postkasseadresse"]), provider: provider,
                encryptToCertificate: certificate)
            #expect(try fixture.send(letter, token: token).status == 201, "\(category)")
        }
        #expect(try fixture.report().accepted == 2)
    }
}
