public import Foundation
public import PKI

/// Verifies a receipt (or `feil` message) a provider returns for a letter (spec 5.5, 6): the JWS signature
/// and chain, that the signer is the provider the letter went to, and that the payload is a receipt.
public struct ReceiptVerifier: Sendable {
    private let jwsVerifier: JWSVerifier

    /// A verifier trusting `trustStore`, completing chains with `intermediates`, at the time `clock` gives.
    public init(trustStore: TrustStore, intermediates: [Certificate] = [],
                clock: @escaping @Sendable () -> Date = { Date() }) {
        jwsVerifier = JWSVerifier(trustStore: trustStore, intermediates: intermediates, clock: clock)
    }

    /// Verifies `jwt` as a receipt from `provider` and returns its message (a receipt type or `feil`).
    /// Throws the JWS verifier's codes (`.wrongJWSSignerOrganisation` for another provider),
    /// `.malformedBusinessMessage`, `.unknownMessageType`, or `.unexpectedMessageType` for a non-receipt.
    public func verify(_ jwt: String, from provider: OrganisationNumber) throws -> BusinessMessage {
        let jws = try jwsVerifier.verify(jwt, expectedOrganisation: provider.rawValue)
        let message = try BusinessMessage(jsonData: jws.payload)
        guard message.type.isReceipt else {
            throw DPIError(.unexpectedMessageType, "a receipt was expected but the message is another type",
                           field: "standardBusinessDocumentHeader.documentIdentification.type",
                           details: message.type.rawValue)
        }
        guard message.senderOrganisationNumber == provider else {
            throw DPIError(.signerNotSender, "the receipt's SBDH sender is not the provider that signed it",
                           field: "standardBusinessDocumentHeader.sender")
        }
        return message
    }
}
