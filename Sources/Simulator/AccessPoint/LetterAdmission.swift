import DPI
import Foundation
import PKI

/// The checks the access point (corner 2) and the addressed provider (corner 4) make on one letter before
/// it is stored, in the order of spec 15, with no HTTP and no KRR: the JWS and its signer's chain; the
/// business message and its schema-level fields (`LetterFieldRules`); the SBDH receiver is a provider here,
/// of the letter's kind, and the SBDH sender is the signer; the package fingerprint; decryption with the
/// provider's key; the ASiC-E structure, signature and every file digest; the package signed by the JWS
/// signer; the manifest agreeing with the message; and the bearer token matching the message (spec 10.2,
/// 15 items 3-5). The steps from the parties to the manifest are the providers' own `LetterVerifier`
/// checks. The HTTP handler runs exactly this, then the KRR routing and the message-id check.
///
/// In accept-only mode only the JWS and message are read, to route the letter and its receipts.
struct LetterAdmission: Sendable {
    /// A letter that passed: its message, the fields routed by, and the index of its provider.
    struct Admitted: Sendable {
        let message: BusinessMessage
        let fields: LetterFields
        let provider: Int
    }

    /// The providers letters may be addressed to (by SBDH receiver).
    let providers: [SimulatedProvider]
    /// Whether to verify at all (false: accept-only mode).
    let verifies: Bool
    private let jwsVerifier: JWSVerifier
    /// What each provider checks after the JWS (same order as `providers`).
    private let contentVerifiers: [LetterVerifier]
    /// `sdp-manifest.xsd`, compiled; nil when none was configured.
    private let manifestSchema: SchemaValidator?
    /// How far ahead a letter's effective time may be.
    private let maximumEffectiveDelay: TimeInterval
    /// The senders and sender identifiers registered with the providers.
    private let senders: SenderRegister
    private let clock: @Sendable () -> Date

    /// Checks letters to `providers`, with signers trusted by `trustStore` (chains completed with
    /// `intermediates`) at the time `clock` gives.
    init(providers: [SimulatedProvider], trustStore: TrustStore, intermediates: [Certificate] = [],
         verifies: Bool = true, manifestSchema: SchemaValidator? = nil,
         maximumEffectiveDelay: TimeInterval = LetterValidation.Limits().maximumEffectiveDelay,
         registeredSenders: [String: Set<String>]? = nil, clock: @escaping @Sendable () -> Date) {
        self.providers = providers
        self.verifies = verifies
        jwsVerifier = JWSVerifier(trustStore: trustStore, intermediates: intermediates, clock: clock)
        contentVerifiers = providers.map {
            LetterVerifier(trustStore: trustStore, intermediates: intermediates, recipient: $0.identity,
                           organisation: $0.organisation, clock: clock)
        }
        self.manifestSchema = manifestSchema
        self.maximumEffectiveDelay = maximumEffectiveDelay
        senders = SenderRegister(identifiers: registeredSenders)
        self.clock = clock
    }

    /// Runs every check on the business message `jwt` and the package `cms`, sent with the bearer `token`;
    /// the first one broken is thrown, naming its rule.
    func admit(jwt: String, cms: Data, token: MaskinportenToken) throws(LetterRejection) -> Admitted {
        guard let jws = try? JWS.parse(jwt) else {
            throw LetterRejection(rule: "malformed-jws", detail: "forretningsmelding is not a compact JWS")
        }
        if verifies {
            try LetterRejection.naming { try jwsVerifier.verify(jws) }
        }
        let message = try LetterRejection.naming(fallback: "malformed-business-message") {
            try BusinessMessage(jsonData: jws.payload)
        }
        let fields = try LetterFields(message)
        let index = try provider(for: message, fields: fields)
        let admitted = Admitted(message: message, fields: fields, provider: index)
        guard verifies else { return admitted }
        try LetterFieldRules(now: clock()).check(message)
        let contentRules = LetterContentRules(now: clock(), maximumEffectiveDelay: maximumEffectiveDelay)
        try contentRules.checkEffectiveTime(of: message)
        let package = try LetterRejection.naming {
            try contentVerifiers[index].verifyContents(of: message, signedBy: jws.signer, cms: cms)
        }
        try checkManifestSchema(of: package)
        try senders.check(fields)
        try contentRules.checkDocuments(of: package)
        try Self.checkToken(token, against: fields, signer: jws.signer)
        return admitted
    }

    /// Spec 15 item 10: the package's `manifest.xml` conforms to `sdp-manifest.xsd` (when one is configured).
    private func checkManifestSchema(of package: VerifiedASiCE) throws(LetterRejection) {
        guard let manifestSchema else { return }
        try LetterRejection.naming(fallback: "manifest-schema") {
            try manifestSchema.validate(package.contents(of: "manifest.xml"), what: "manifest.xml")
        }
    }

    /// The index of the provider the SBDH receiver names, which must take this kind of letter.
    private func provider(for message: BusinessMessage, fields: LetterFields) throws(LetterRejection) -> Int {
        guard let receiver = message.receiverOrganisationNumber,
              let index = providers.firstIndex(where: { $0.organisation == receiver }) else {
            throw LetterRejection(rule: "unknown-receiver",
                                  detail: "the SBDH receiver is not a provider served by this access point")
        }
        guard providers[index].isPrint == fields.isPrint else {
            throw LetterRejection(rule: "wrong-provider-for-type",
                                  detail: fields.isPrint ? "utskrift must go to the print provider"
                                      : "digital must go to a mailbox provider")
        }
        return index
    }

    /// Spec 10.2 and 15 items 3-5: the embedded token is the bearer token, the Avsender is the token's
    /// consumer, and the signer is the token's supplier (data processor) or else its consumer.
    private static func checkToken(_ token: MaskinportenToken, against fields: LetterFields, signer: Certificate?)
        throws(LetterRejection) {
        guard fields.maskinportenToken == token.compact else {
            throw LetterRejection(rule: "token-mismatch",
                                  detail: "maskinportentoken in the message is not the bearer token of the request")
        }
        guard fields.sender.organisation.organisationNumber?.rawValue == token.consumer.organisationNumber else {
            throw LetterRejection(rule: "avsender-not-token-consumer",
                                  detail: "the message's avsender is not the consumer of the token")
        }
        guard signer?.organisationNumber == token.sendingParty.organisationNumber else {
            throw LetterRejection(rule: "signer-not-token-party",
                                  detail: "the message is signed by another organisation than the token's "
                                      + "supplier (or consumer)")
        }
    }
}
