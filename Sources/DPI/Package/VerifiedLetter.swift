/// A letter that passed `LetterVerifier`: the business message as signed, the verified package and the JWS.
public struct VerifiedLetter: Sendable {
    /// The signed JWS, taken apart (its payload is the message's JSON exactly as received).
    public let jws: ParsedJWS
    /// The decoded business message (`digital` or `utskrift`).
    public let message: BusinessMessage
    /// The decrypted, verified ASiC-E package: manifest, signature and documents.
    public let package: VerifiedASiCE

    /// The SDP manifest of the package.
    public var manifest: SDPManifest { package.manifest }
    /// The documents' files (names and MIME types) in manifest order; read them with `package.contents(of:)`.
    public var documents: [SDPManifest.File] { package.documents }
}
