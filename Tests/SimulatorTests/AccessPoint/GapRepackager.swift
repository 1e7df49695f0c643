import DPI
import Foundation
import PKI
import TestSupport

/// Rebuilds a sealed letter with changed package files, signed and encrypted again exactly as the sender
/// would (XAdES over every file, CMS to the provider, the business message signed again with the new
/// fingerprint): letters the real `LetterSealer` refuses to make, for the receiving side's own checks.
struct GapRepackager {
    /// The test PKI identity that signs (`sender`) and the provider the package is for (`digipost`).
    var signer = "sender"
    var provider = "digipost"

    /// `letter` with its package files passed through `change` (name → bytes; the manifest as
    /// `manifest.xml`); `mimeTypes` gives the signed MIME type of files the original manifest does not name.
    func repackage(_ letter: SealedLetter, mimeTypes: [String: String] = [:],
                   change: (inout [String: Data]) throws -> Void) throws -> (jwt: String, cms: Data) {
        let providerIdentity = try AccessPointFixture.identity(provider)
        let zip = try CMSEnvelope.decrypt(letter.cms, with: providerIdentity.privateKey,
                                          certificate: providerIdentity.certificate)
        let reader = try ZIPReader(data: zip)
        let original = try SDPManifest(xml: reader.contents(named: "manifest.xml"))
        var types = Dictionary(uniqueKeysWithValues: original.files.map { ($0.href, $0.mimeType) })
        types.merge(mimeTypes) { _, new in new }
        var files: [String: Data] = [:]
        var order: [String] = []
        for entry in reader.entries where entry.name != "mimetype" && !entry.name.hasPrefix("META-INF/") {
            files[entry.name] = try reader.contents(of: entry)
            order.append(entry.name)
        }
        try change(&files)
        let identity = try AccessPointFixture.identity(signer)
        let output = ZIPMemoryOutput()
        let writer = try ZIPWriter(output: output)
        try writer.addStored(name: "mimetype", data: Data("application/vnd.etsi.asic-e+zip".utf8))
        var signed: [XAdESSignature.File] = []
        for name in order + files.keys.filter({ !order.contains($0) }).sorted() {
            guard let data = files[name] else { continue }
            try writer.addDeflated(name: name, data: data)
            signed.append(XAdESSignature.File(name: name, mimeType: name == "manifest.xml" ? "application/xml"
                                                  : types[name] ?? "application/octet-stream", contents: data))
        }
        let signature = XAdESSignature(files: signed, signingTime: Date())
        try writer.addDeflated(name: "META-INF/signatures.xml",
                               data: try XAdESSigner(identity: identity).sign(signature))
        try writer.finish()
        let cms = try CMSEnvelope.encrypt(output.data, to: providerIdentity.certificate)
        return (try resign(letter.jwt, fingerprint: PackageFingerprint(cms: cms), identity: identity), cms)
    }

    /// The business message of `jwt` with `fingerprint` in place of its own, signed by `identity`.
    private func resign(_ jwt: String, fingerprint: PackageFingerprint, identity: Identity) throws -> String {
        try resign(jwt, identity: identity) { body in
            body["dokumentpakkefingeravtrykk"] = ["digestMethod": fingerprint.digestMethod,
                                                  "digestValue": fingerprint.digestValue]
        }
    }

    /// The business message of `jwt` with its `digital` or `utskrift` object passed through `change`, signed
    /// by `identity`.
    func resign(_ jwt: String, identity: Identity, change: (inout [String: Any]) -> Void) throws -> String {
        guard let root = try JSONSerialization.jsonObject(with: JWS.parse(jwt).payload) as? [String: Any],
              var document = root["standardBusinessDocument"] as? [String: Any]
        else { throw TestEnvironmentError("the business message is not a standardBusinessDocument object") }
        for kind in ["digital", "utskrift"] {
            guard var body = document[kind] as? [String: Any] else { continue }
            change(&body)
            document[kind] = body
        }
        return try JWSSigner(identity: identity).sign(
            JSONSerialization.data(withJSONObject: ["standardBusinessDocument": document]))
    }
}
