public import Foundation
import FoundationXML

/// One of the four complete official examples (`dpi-reference/eksempler/komplette/`): its signed business
/// message and encrypted package, the decoded payload and token the documentation gives beside them, and the
/// certificates of its document package's XAdES signature (as DER: this target does not depend on PKI).
public struct OfficialExample: CustomStringConvertible, Sendable {
    /// The four scenarios.
    public static let all = ["digital", "digital-avsenderidentifikator", "digital-pa-vegne-av", "utskrift"]
        .map(Self.init)

    /// The scenario name, the common prefix of its files.
    public let name: String

    /// The example of scenario `name`.
    public init(name: String) {
        self.name = name
    }

    public var description: String { name }

    /// The compact JWS of the business message (`*-forretningsmelding.jwt`).
    public func jwt() throws -> String {
        String(decoding: try Repository.example("\(name)-forretningsmelding.jwt"), as: UTF8.self)
    }

    /// The encrypted document package (`*-dokumentpakke.cms`), encrypted to the key pair in `eksempel.pem`.
    public func cms() throws -> Data {
        try Repository.example("\(name)-dokumentpakke.cms")
    }

    /// The documented payload (`*-forretningsmelding.json`, pretty-printed).
    public func businessMessageJSON() throws -> Data {
        try Repository.example("\(name)-forretningsmelding.json")
    }

    /// The documented claims of the embedded Maskinporten token (`*-forretningsmelding-autorisasjonsbevis.json`).
    public func tokenClaimsJSON() throws -> Data {
        try Repository.example("\(name)-forretningsmelding-autorisasjonsbevis.json")
    }

    /// The DER of the `X509Certificate`s of the `KeyInfo` in `META-INF/signatures.xml` of the example's
    /// (decrypted) document package, in document order: signer, issuing CA, Buypass test root (spec 17.4).
    /// Read with the real `unzip` CLI.
    public func packageCertificateDER() throws -> [Data] {
        let zip = Repository.examples.appendingPathComponent("\(name)-dokumentpakke.zip").path
        let xml = try ChildProcess.succeed("unzip", ["-p", zip, "META-INF/signatures.xml"]).stdout
        let document = try XMLDocument(data: xml)
        return try document.nodes(forXPath: "//*[local-name()='X509Certificate']").map { node in
            guard let der = Data(base64Encoded: node.stringValue ?? "", options: .ignoreUnknownCharacters) else {
                throw TestEnvironmentError("\(name): an X509Certificate in signatures.xml is not base64")
            }
            return der
        }
    }

    /// The `maskinportentoken` string of the business message payload (`digital` or `utskrift` body).
    public static func embeddedToken(in payload: Data) throws -> String {
        let document = try JSONSerialization.jsonObject(with: payload) as? [String: Any]
        let message = document?["standardBusinessDocument"] as? [String: Any]
        let body = (message?["digital"] ?? message?["utskrift"]) as? [String: Any]
        guard let token = body?["maskinportentoken"] as? String else {
            throw TestEnvironmentError("the payload has no digital/utskrift maskinportentoken")
        }
        return token
    }
}
