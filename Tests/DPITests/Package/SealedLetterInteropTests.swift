import DPI
import Foundation
import Testing
import TestSupport

/// Our sealed letters checked end to end by independent tools only: openssl decrypts the CMS, unzip tests
/// the ZIP, xmlsec1 verifies the XAdES signature, python jsonschema validates the JWS payload against the
/// official schema, python cryptography verifies the JWS, and openssl computes the fingerprint.
@Suite("Package: sealed letters against independent tools")
struct SealedLetterInteropTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case digital, print

        var testDescription: String { rawValue }
        /// The test PKI party the letter is encrypted to.
        var provider: String { self == .digital ? "digipost" : "print" }
        var messageType: String { self == .digital ? "digital" : "utskrift" }
        var documentCount: Int { self == .digital ? 3 : 1 }

        func seal() throws -> SealedLetter {
            self == .digital ? try PackageFixtures.sealDigital() : try PackageFixtures.sealPrint()
        }
    }

    @Test("openssl, unzip, xmlsec1, jsonschema and python cryptography accept the sealed letter",
          arguments: Kind.allCases)
    func independentToolsAccept(kind: Kind) throws {
        let letter = try kind.seal()
        try TemporaryDirectory.with(prefix: "sealed") { folder in
            let cms = folder.appendingPathComponent("letter.cms")
            let zip = folder.appendingPathComponent("pkg.zip")
            try letter.cms.write(to: cms)
            try ChildProcess.succeed("openssl", ["cms", "-decrypt", "-inform", "DER", "-in", cms.path,
                                                 "-recip", TestPKI.file("\(kind.provider).cert.pem").path,
                                                 "-inkey", TestPKI.file("\(kind.provider).key.pem").path,
                                                 "-out", zip.path])
            let tested = try ChildProcess.run("unzip", ["-t", zip.path])
            #expect(tested.status == 0, "unzip -t: \(tested.text)")

            let signed = try xmlsec1Verify(zip, in: folder)
            #expect(signed.status == 0, "xmlsec1: \(signed.stderr)")
            #expect(signed.stderr.hasPrefix("OK"))
            #expect(signed.stderr.contains("SignedInfo References (ok/all): \(kind.documentCount + 2)/"))

            let digest = try ChildProcess.succeed("sh", ["-c", #"openssl dgst -sha256 -binary "$0" | base64"#, cms.path])
            #expect(digest.text.trimmingCharacters(in: .whitespacesAndNewlines) == letter.fingerprint.digestValue)
        }

        let verified = try IndependentJWSVerifier.run(letter.jwt, headerMembers: ["x5c", "alg"])
        #expect(verified.status == 0, "python cryptography: \(verified.stderr)")
        let payload = verified.stdout
        let schema = try #require(SchemaCheck.schemaFile[kind.messageType])
        let errors = try SchemaCheck.errors([.init(name: kind.rawValue, schema: schema, json: payload)])
        #expect(errors[kind.rawValue] == [])

        let document = try JSONSerialization.jsonObject(with: payload) as? [String: Any]
        let body = (document?["standardBusinessDocument"] as? [String: Any])?[kind.messageType] as? [String: Any]
        let fingerprint = body?["dokumentpakkefingeravtrykk"] as? [String: Any]
        #expect(fingerprint?["digestValue"] as? String == letter.fingerprint.digestValue)
        #expect(fingerprint?["digestMethod"] as? String == "http://www.w3.org/2001/04/xmlenc#sha256")
    }

    /// Extracts `zip` with the real unzip and runs `xmlsec1 --verify` on its signature, trusting the test
    /// root, with each signed file mapped to its extracted copy.
    private func xmlsec1Verify(_ zip: URL, in folder: URL) throws -> ChildProcess.Result {
        let extracted = folder.appendingPathComponent("extracted")
        try ChildProcess.succeed("unzip", ["-q", zip.path, "-d", extracted.path])
        let names = try ChildProcess.succeed("zipinfo", ["-1", zip.path]).text.split(separator: "\n")
            .map(String.init).filter { $0 != "mimetype" && !$0.hasPrefix("META-INF/") }
        var arguments = ["--verify", "--trusted-pem", try TestPKI.file("root-ca.pem").path,
                         "--untrusted-pem", try TestPKI.file("intermediate-ca.pem").path,
                         "--id-attr:Id", "SignedProperties"]
        for name in names {
            arguments += ["--url-map:\(name)", extracted.appendingPathComponent(name).path]
        }
        let signatures = extracted.appendingPathComponent("META-INF/signatures.xml").path
        return try ChildProcess.run("xmlsec1", arguments + [signatures])
    }
}
