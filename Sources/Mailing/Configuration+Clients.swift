import Foundation
public import PKI
public import Routing

extension Configuration {
    /// The sender's enterprise identity from `DPI_KEYSTORE` opened with `DPI_KEYSTORE_PASSWORD`. Throws the
    /// `ConfigurationError` of a missing key or the `PKIError` of a file that does not open.
    public func senderIdentity() throws -> Identity {
        try Identity(pkcs12File: URL(fileURLWithPath: try require(.keystore)), password: try require(.keystorePassword))
    }

    /// The certificates of `DPI_TRUST_ANCHORS`, which provider and receipt signers must chain to.
    public func trustAnchors() throws -> [Certificate] {
        try Certificate.bundle(contentsOf: URL(fileURLWithPath: try require(.trustAnchors)))
    }

    /// The Maskinporten client of `DPI_MASKINPORTEN_TOKEN_URL`, `_AUDIENCE` and `DPI_CLIENT_ID`, signing its
    /// grants with `identity`: one construction for the run and for receipt reconciliation.
    public func maskinportenClient(identity: Identity) throws -> MaskinportenClient {
        MaskinportenClient(configuration: .init(tokenURL: try require(.maskinportenTokenURL),
                                                audience: try require(.maskinportenAudience),
                                                clientID: try require(.clientID)),
                           identity: identity)
    }
}
