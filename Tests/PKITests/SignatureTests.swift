import Foundation
import Testing
import PKI
import Synchronization
import TestSupport

@Suite("RS256 signatures")
struct SignatureTests {
    @Test("openssl dgst -verify accepts our RS256 signature")
    func opensslVerifiesOurs() throws {
        let message = Data("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0".utf8)
        let signature = try PrivateKey(pem: TestPKI.data("sender.key.pem")).signRSASHA256(message)
        #expect(signature.count == 256)
        try TemporaryDirectory.with { folder in
            let signatureFile = folder.appendingPathComponent("sig.bin")
            let publicKey = folder.appendingPathComponent("pub.pem")
            try signature.write(to: signatureFile)
            try ChildProcess.openssl("x509", "-in", TestPKI.file("sender.cert.pem").path, "-pubkey", "-noout",
                                     "-out", publicKey.path)
            let verified = try ChildProcess.openssl("dgst", "-sha256", "-verify", publicKey.path,
                                                    "-signature", signatureFile.path, input: message)
            #expect(verified.text.contains("Verified OK"))
        }
    }

    @Test("We verify a signature made by openssl dgst -sign, and reject it for a changed message or key")
    func weVerifyOpenSSLs() throws {
        let message = Data("the message".utf8)
        let signature = try ChildProcess.openssl("dgst", "-sha256", "-sign", TestPKI.file("maskinporten.key.pem").path,
                                                 input: message).stdout
        let certificate = try Certificate(pem: TestPKI.data("maskinporten.cert.pem"))
        #expect(certificate.verifyRSASHA256(signature: signature, data: message))
        #expect(!certificate.verifyRSASHA256(signature: signature, data: Data("the messagf".utf8)))
        #expect(!certificate.verifyRSASHA256(signature: signature.flipping(at: 10), data: message))
        #expect(!certificate.verifyRSASHA256(signature: Data(), data: message))
        let other = try Certificate(pem: TestPKI.data("sender.cert.pem"))
        #expect(!other.verifyRSASHA256(signature: signature, data: message))
    }

    @Test("RSA public key components agree with openssl x509 -modulus (for a JWKS)")
    func publicKeyComponents() throws {
        let certificate = try Certificate(contentsOf: TestPKI.file("maskinporten.cert.pem"))
        let components = try #require(certificate.rsaPublicKeyComponents())
        let printed = try ChildProcess.openssl("x509", "-in", TestPKI.file("maskinporten.cert.pem").path, "-noout",
                                               "-modulus").text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(printed == "Modulus=" + components.modulus.hex.uppercased())
        #expect(components.modulus.count == 256)
        #expect(components.exponent.hex == "010001")
    }

    @Test("Signing is deterministic (PKCS#1 v1.5) and works from several threads at once")
    func concurrentSigning() throws {
        let key = try PrivateKey(pem: TestPKI.data("sender.key.pem"))
        let certificate = try Certificate(pem: TestPKI.data("sender.cert.pem"))
        let expected = try key.signRSASHA256(Data("payload".utf8))
        let results = try (0..<4).map { _ in try key.signRSASHA256(Data("payload".utf8)) }
        #expect(results.allSatisfy { $0 == expected })
        let failures = ConcurrentCounter()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let message = Data("message \(index)".utf8)
            let ok = (try? key.signRSASHA256(message)).map { certificate.verifyRSASHA256(signature: $0, data: message) }
            if ok != true { failures.increment() }
        }
        #expect(failures.value == 0)
    }

    @Test("Encrypted PEM keys load with the right password; wrong or missing password gives wrongPassword")
    func encryptedPEM() throws {
        try TemporaryDirectory.with { folder in
            let pkcs8 = folder.appendingPathComponent("pkcs8.pem")
            try ChildProcess.openssl("pkcs8", "-topk8", "-in", TestPKI.file("sender.key.pem").path,
                                     "-v2", "aes-256-cbc", "-passout", "pass:s3cret", "-out", pkcs8.path)
            let traditional = folder.appendingPathComponent("rsa.pem")
            try ChildProcess.openssl("rsa", "-in", TestPKI.file("sender.key.pem").path, "-traditional", "-aes256",
                                     "-passout", "pass:s3cret", "-out", traditional.path)
            let certificate = try Certificate(pem: TestPKI.data("sender.cert.pem"))
            for file in [pkcs8, traditional] {
                #expect(try PrivateKey(contentsOf: file, password: "s3cret").matches(certificate))
                expectError(.wrongPassword) { try PrivateKey(contentsOf: file, password: "wrong") }
                let missing = expectError(.wrongPassword) { try PrivateKey(contentsOf: file) }
                #expect(missing?.description.contains("no password") == true)
            }
        }
    }

    @Test("Unencrypted traditional RSA keys and key+certificate PEM files load")
    func otherPEMForms() throws {
        let traditional = try ChildProcess.openssl("rsa", "-in", TestPKI.file("print.key.pem").path,
                                                   "-traditional").stdout
        #expect(String(decoding: traditional, as: UTF8.self).contains("BEGIN RSA PRIVATE KEY"))
        #expect(try PrivateKey(pem: traditional).matches(Certificate(pem: TestPKI.data("print.cert.pem"))))
        let combined = try TestPKI.data("print.cert.pem") + TestPKI.data("print.key.pem")
        #expect(try PrivateKey(pem: combined).matches(Certificate(pem: combined)))
    }

    @Test("Garbage, a certificate alone, a missing file and a non-RSA key give clear errors")
    func badKeys() throws {
        let damaged = Data("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".utf8)
        expectError(.malformedKey) { try PrivateKey(pem: damaged) }
        expectError(.malformedKey) { try PrivateKey(pem: Data("hello".utf8)) }
        expectError(.malformedKey) { try PrivateKey(pem: Data()) }
        expectError(.malformedKey) { try PrivateKey(pem: TestPKI.data("sender.cert.pem")) }
        expectError(.fileNotReadable) { try PrivateKey(contentsOf: URL(fileURLWithPath: "/nonexistent/key.pem")) }
        let ecKey = try ChildProcess.openssl("genpkey", "-algorithm", "EC",
                                             "-pkeyopt", "ec_paramgen_curve:P-256").stdout
        expectError(.unsupportedKey) { try PrivateKey(pem: ecKey) }
    }
}

/// A thread-safe counter for the concurrency test.
final class ConcurrentCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
