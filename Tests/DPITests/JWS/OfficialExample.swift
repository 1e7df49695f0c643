import Foundation
import FoundationXML
import PKI
import TestSupport

/// One of the four complete official examples (`dpi-reference/eksempler/komplette/`): its signed business
/// message, the decoded payload and token the documentation gives beside it, and the certificates of its
/// document package's XAdES signature.
struct OfficialExample: CustomStringConvertible, Sendable {
    static let all = ["digital", "digital-avsenderidentifikator", "digital-pa-vegne-av", "utskrift"].map(Self.init)

    /// The scenario name, the common prefix of its files.
    let name: String

    var description: String { name }

    private var folder: URL {
        Repository.shared.appendingPathComponent("dpi-reference/eksempler/komplette")
    }

    /// The compact JWS of the business message (`*-forretningsmelding.jwt`).
    func jwt() throws -> String {
        try String(contentsOf: folder.appendingPathComponent("\(name)-forretningsmelding.jwt"), encoding: .utf8)
    }

    /// The documented payload (`*-forretningsmelding.json`, pretty-printed).
    func businessMessageJSON() throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent("\(name)-forretningsmelding.json"))
    }

    /// The documented claims of the embedded Maskinporten token (`*-forretningsmelding-autorisasjonsbevis.json`).
    func tokenClaimsJSON() throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent("\(name)-forretningsmelding-autorisasjonsbevis.json"))
    }

    /// The `X509Certificate`s of the `KeyInfo` in `META-INF/signatures.xml` of the example's (decrypted)
    /// document package, in document order: signer, issuing CA, root (spec section 17.4). Read with the
    /// real `unzip` CLI.
    func packageCertificates() throws -> [Certificate] {
        let zip = folder.appendingPathComponent("\(name)-dokumentpakke.zip").path
        let xml = try ChildProcess.succeed("unzip", ["-p", zip, "META-INF/signatures.xml"]).stdout
        let document = try XMLDocument(data: xml)
        return try document.nodes(forXPath: "//*[local-name()='X509Certificate']").map { node in
            guard let der = Data(base64Encoded: node.stringValue ?? "", options: .ignoreUnknownCharacters) else {
                throw TestEnvironmentError("\(name): an X509Certificate in signatures.xml is not base64")
            }
            return try Certificate(der: der)
        }
    }

    /// The `maskinportentoken` string of the business message payload (`digital` or `utskrift` body).
    static func embeddedToken(in payload: Data) throws -> String {
        let document = try JSONSerialization.jsonObject(with: payload) as? [String: Any]
        let message = document?["standardBusinessDocument"] as? [String: Any]
        let body = (message?["digital"] ?? message?["utskrift"]) as? [String: Any]
        guard let token = body?["maskinportentoken"] as? String else {
            throw TestEnvironmentError("the payload has no digital/utskrift maskinportentoken")
        }
        return token
    }
}
