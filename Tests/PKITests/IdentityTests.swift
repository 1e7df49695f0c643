import Foundation
import Testing
import PKI
import TestSupport

@Suite("PKCS#12 identities")
struct IdentityTests {
    @Test("sender.p12 loads with the right password: key matches leaf, chain holds the intermediate")
    func loadsSender() throws {
        let identity = try Identity(pkcs12File: TestPKI.file("sender.p12"), password: "changeit")
        #expect(identity.certificate.organisationNumber == "991825827")
        #expect(identity.privateKey.matches(identity.certificate))
        #expect(identity.chain.map(\.der) == [try Certificate(pem: TestPKI.data("chain.pem")).der])
        #expect(identity.certificate.der == (try Certificate(pem: TestPKI.data("sender.cert.pem")).der))
        let signature = try identity.privateKey.signRSASHA256(Data("x".utf8))
        #expect(identity.certificate.verifyRSASHA256(signature: signature, data: Data("x".utf8)))
    }

    @Test("Every party's keystore loads", arguments: ["digipost", "eboks", "print", "maskinporten", "untrusted-sender",
                                                      "expired-sender"])
    func loadsEveryParty(name: String) throws {
        let identity = try Identity(pkcs12File: TestPKI.file("\(name).p12"), password: "changeit")
        #expect(identity.certificate.der == (try Certificate(pem: TestPKI.data("\(name).cert.pem")).der))
    }

    @Test("A wrong password gives wrongPassword, with a log-safe description")
    func wrongPassword() throws {
        let error = expectError(.wrongPassword) {
            try Identity(pkcs12File: TestPKI.file("sender.p12"), password: "changeme")
        }
        #expect(error?.description.contains("changeme") == false)
        #expect(error?.disposition == .abort)
        expectError(.wrongPassword) { try Identity(pkcs12File: TestPKI.file("sender.p12"), password: "") }
    }

    @Test("Truncated, random, PEM and empty keystores give malformedKeystore")
    func malformed() throws {
        let p12 = try TestPKI.data("sender.p12")
        for bytes in [p12.prefix(p12.count / 2), p12.prefix(20), try SecureRandom.bytes(count: 2000),
                      try TestPKI.data("sender.cert.pem"), Data()] {
            expectError(.malformedKeystore) { try Identity(pkcs12: bytes, password: "changeit") }
        }
    }

    @Test("A missing keystore file gives fileNotReadable")
    func missingFile() throws {
        let error = expectError(.fileNotReadable) {
            try Identity(pkcs12File: URL(fileURLWithPath: "/nonexistent/sender.p12"), password: "changeit")
        }
        #expect(error?.debugDescription.contains("/nonexistent/sender.p12") == true)
    }

    @Test("A keystore with a certificate but no key gives malformedKeystore")
    func certificateOnly() throws {
        try TemporaryDirectory.with { folder in
            let file = folder.appendingPathComponent("nokey.p12")
            try ChildProcess.openssl("pkcs12", "-export", "-nokeys", "-in", TestPKI.file("sender.cert.pem").path,
                                     "-passout", "pass:changeit", "-out", file.path)
            expectError(.malformedKeystore) { try Identity(pkcs12File: file, password: "changeit") }
        }
    }

    @Test("Building an identity from a key and someone else's certificate gives keyMismatch")
    func mismatch() throws {
        let key = try PrivateKey(pem: TestPKI.data("sender.key.pem"))
        let someoneElse = try Certificate(pem: TestPKI.data("eboks.cert.pem"))
        expectError(.keyMismatch) { try Identity(privateKey: key, certificate: someoneElse) }
        let own = try Certificate(pem: TestPKI.data("sender.cert.pem"))
        #expect(try Identity(privateKey: key, certificate: own).chain.isEmpty)
    }
}
