import DPI
import Foundation
import PKI
import Testing
import TestSupport

/// The four official encrypted packages (`dpi-reference/eksempler/komplette/*.cms`), made by Digdir's
/// reference sender, open and verify with our code, and their fingerprints are the ones their business
/// messages claim (spec 8, 9).
@Suite("Package: the official encrypted examples")
struct OfficialCMSTests {
    private static let folder = Repository.shared.appendingPathComponent("dpi-reference/eksempler/komplette")

    private static func exampleKey() throws -> (PrivateKey, Certificate) {
        let pem = try Data(contentsOf: folder.appendingPathComponent("eksempel.pem"))
        return (try PrivateKey(pem: pem), try Certificate(pem: pem))
    }

    @Test("DocumentPackage.open decrypts and verifies each example package, its signer trusted at example time",
          arguments: OfficialPackage.all)
    func opensExample(example: OfficialPackage) throws {
        let cms = try Data(contentsOf: Self.folder.appendingPathComponent("\(example.scenario)-dokumentpakke.cms"))
        let (key, certificate) = try Self.exampleKey()
        let keyInfo = try OfficialExample(name: example.scenario).packageCertificates()
        // The example certificates have expired: trust is checked at a moment inside their validity.
        let verifier = ASiCEVerifier(trustStore: try TrustStore(anchors: [try #require(keyInfo.last)]))
        let opened = try DocumentPackage.open(cms: cms, key: key, certificate: certificate, verifier: verifier,
                                              at: example.validAt)
        #expect(opened.signer.serialNumber == example.signerSerial)
        #expect(opened.signer.organisationNumber == example.signerOrganisation)
        let main = try #require(opened.documents.first)
        #expect(try opened.contents(of: main.href) == example.entry(main.href))
        #expect((opened.manifest.mailboxAddress == nil) == (example.scenario == "utskrift"))
    }

    @Test("the SHA-256 of each example .cms is the fingerprint its business message claims",
          arguments: OfficialPackage.all)
    func fingerprintMatchesClaim(example: OfficialPackage) throws {
        let cms = try Data(contentsOf: Self.folder.appendingPathComponent("\(example.scenario)-dokumentpakke.cms"))
        let json = try Data(contentsOf: Self.folder.appendingPathComponent("\(example.scenario)-forretningsmelding.json"))
        let message = try BusinessMessage(jsonData: json)
        let claimed: PackageFingerprint? = switch message.body {
        case .digital(let digital): digital.fingerprint
        case .print(let print): print.fingerprint
        default: nil
        }
        #expect(claimed == PackageFingerprint(cms: cms))
    }
}
