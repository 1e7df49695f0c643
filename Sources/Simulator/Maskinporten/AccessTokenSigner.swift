import DPI
import Foundation
import PKI

/// Signs the simulator's access tokens as compact RS256 JWTs with the header Maskinporten uses,
/// `{"kid":"<key id>","alg":"RS256"}` (spec 3.3): no `x5c`, the key is found through the JWKS.
struct AccessTokenSigner: Sendable {
    /// The token-signing identity (maskinporten.p12 in tests).
    let identity: Identity
    /// The key id: base64url of the first 16 bytes of the certificate's SHA-256 fingerprint, stable per key.
    let keyID: String
    private let encodedHeader: String

    init(identity: Identity) {
        self.identity = identity
        keyID = Base64URL.encode(identity.certificate.sha256Fingerprint.prefix(16))
        var header = OrderedJSON()
        header.add("kid", keyID)
        header.add("alg", "RS256")
        encodedHeader = Base64URL.encode(header.data)
    }

    /// The compact JWT of `claims`.
    func sign(_ claims: OrderedJSON) throws -> String {
        let signingInput = encodedHeader + "." + Base64URL.encode(claims.data)
        let signature = try identity.privateKey.signRSASHA256(Data(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature)
    }
}
