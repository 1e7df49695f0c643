import DPI
import Foundation
import PKI
import TestSupport

/// The test PKI of `ops/make-test-pki` as the JWS tests use it: identities by name, and a verifier that
/// trusts the test root and completes chains with the test intermediate (DPI signers send only their leaf).
enum TestAnchors {
    /// The identity of `NAME.p12` (sender, digipost, eboks, untrusted-sender, expired-sender, ...).
    static func identity(_ name: String) throws -> Identity {
        try Identity(pkcs12File: TestPKI.file("\(name).p12"), password: "changeit")
    }

    /// A store trusting the test root (`trust-anchors.pem`).
    static func trustStore() throws -> TrustStore {
        try TrustStore(pem: Data(contentsOf: TestPKI.file("trust-anchors.pem")))
    }

    /// A verifier for the test PKI at the current time.
    static func verifier() throws -> JWSVerifier {
        JWSVerifier(trustStore: try trustStore(),
                    intermediates: try Certificate.bundle(contentsOf: TestPKI.file("chain.pem")))
    }
}
