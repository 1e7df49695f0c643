import Foundation
import Testing
import PKI
import TestSupport

@Suite("Chain verification")
struct TrustStoreTests {
    static func store() throws -> TrustStore { try TrustStore(pem: TestPKI.data("trust-anchors.pem")) }
    static func intermediates() throws -> [Certificate] { try Certificate.bundle(pem: TestPKI.data("chain.pem")) }

    @Test("Certificates issued under the test root verify now", arguments: ["sender", "digipost", "eboks", "print",
                                                                          "maskinporten"])
    func trustedVerify(name: String) throws {
        let leaf = try Certificate(pem: TestPKI.data("\(name).cert.pem"))
        try Self.store().verify(leaf, intermediates: Self.intermediates())
    }

    @Test("Without the intermediate the chain is incomplete: untrustedCertificate")
    func missingIntermediate() throws {
        let leaf = try Certificate(pem: TestPKI.data("sender.cert.pem"))
        expectError(.untrustedCertificate) { try Self.store().verify(leaf) }
    }

    @Test("The look-alike sender from another root is untrusted, even with its own chain")
    func untrustedLookAlike() throws {
        let identity = try Identity(pkcs12File: TestPKI.file("untrusted-sender.p12"), password: "changeit")
        #expect(identity.certificate.organisationNumber == "991825827")
        let error = expectError(.untrustedCertificate) {
            try Self.store().verify(identity.certificate, intermediates: identity.chain + Self.intermediates())
        }
        #expect(error?.debugDescription.contains("untrusted-test") == true, "the details name the failing issuer")
    }

    @Test("The expired sender certificate is rejected as expired, and the error says so")
    func expired() throws {
        let leaf = try Certificate(pem: TestPKI.data("expired-sender.cert.pem"))
        let error = expectError(.certificateExpired) {
            try Self.store().verify(leaf, intermediates: Self.intermediates())
        }
        #expect(error?.description.contains("expired") == true)
        #expect(error?.description.contains("the certificate failed") == true)
        #expect(error?.disposition == .reject)
    }

    @Test("A valid certificate checked before its notBefore is not yet valid; checked inside its validity it passes")
    func checkTime() throws {
        let leaf = try Certificate(pem: TestPKI.data("sender.cert.pem"))
        let store = try Self.store()
        let error = expectError(.certificateNotYetValid) {
            try store.verify(leaf, intermediates: Self.intermediates(), at: leaf.notBefore.addingTimeInterval(-86_400))
        }
        #expect(error?.description.contains("not yet valid") == true)
        try store.verify(leaf, intermediates: Self.intermediates(), at: leaf.notBefore.addingTimeInterval(3600))
        expectError(.certificateExpired) {
            try store.verify(leaf, intermediates: Self.intermediates(), at: leaf.notAfter.addingTimeInterval(86_400))
        }
    }

    @Test("A certificate whose signature was tampered with is rejected")
    func tamperedSignature() throws {
        let der = try Certificate(pem: TestPKI.data("sender.cert.pem")).der
        let tampered = try Certificate(der: der.flipping(at: der.count - 5))   // inside the signature value
        expectError(.badCertificateSignature) {
            try Self.store().verify(tampered, intermediates: Self.intermediates())
        }
    }

    @Test("A self-signed certificate that is not an anchor is untrusted; an empty anchor file is refused")
    func selfSignedAndEmpty() throws {
        let example = try Certificate(pem: Repository.example("eksempel.pem"))
        let insideValidity = example.notBefore.addingTimeInterval(60)
        expectError(.untrustedCertificate) { try Self.store().verify(example, at: insideValidity) }
        expectError(.malformedCertificate) { try TrustStore(pem: Data("nothing".utf8)) }
        try TrustStore(anchors: [example]).verify(example, at: insideValidity)
    }

    @Test("Verification is safe from several threads at once")
    func concurrentVerification() throws {
        let store = try Self.store()
        let leaf = try Certificate(pem: TestPKI.data("sender.cert.pem"))
        let intermediates = try Self.intermediates()
        let failures = ConcurrentCounter()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            if (try? store.verify(leaf, intermediates: intermediates)) == nil { failures.increment() }
        }
        #expect(failures.value == 0)
    }
}
