import DPI
import Foundation
import Testing

/// Receipts are accepted only from the provider the letter went to, and only when they are receipts.
@Suite("Package: verifying receipts")
struct ReceiptVerifierTests {
    /// A receipt issued by Digipost for `letter` with `body`, signed by the test PKI party `signer`.
    private func receipt(for letter: SealedLetter, signer: String, body: (Receipt) -> BusinessMessage.Body,
                         change: (inout BusinessMessage) -> Void = { _ in }) throws -> String {
        let original = try PackageFixtures.message(of: letter)
        let now = Timestamp(Date())
        let fields = Receipt(answering: original, issuer: PackageFixtures.digipost, time: now)
        var reply = BusinessMessage.reply(to: original, with: body(fields), messageId: UUID(), createdAt: now)
        change(&reply)
        return try JWSSigner(identity: PackageFixtures.identity(signer)).sign(reply.jsonData())
    }

    @Test("a delivery receipt and a feil message signed by Digipost for a Digipost letter are returned decoded")
    func acceptsProviderReceipts() throws {
        let letter = try PackageFixtures.sealDigital()
        let delivered = try receipt(for: letter, signer: "digipost") { .deliveryReceipt($0) }
        let message = try PackageFixtures.receiptVerifier().verify(delivered, from: PackageFixtures.digipost)
        #expect(message.type == .leveringskvittering)
        #expect(message.conversationId == letter.conversationId)

        let failed = try receipt(for: letter, signer: "digipost") { .error(ErrorMessage(receipt: $0, kind: .client)) }
        #expect(try PackageFixtures.receiptVerifier().verify(failed, from: PackageFixtures.digipost).type == .feil)
    }

    @Test("a receipt signed by e-Boks for a letter that went to Digipost is the wrong signer organisation")
    func receiptFromAnotherProvider() throws {
        let letter = try PackageFixtures.sealDigital()
        let forged = try receipt(for: letter, signer: "eboks") { .deliveryReceipt($0) }
        let error = #expect(throws: DPIError.self) {
            try PackageFixtures.receiptVerifier().verify(forged, from: PackageFixtures.digipost)
        }
        #expect(error?.code == .wrongJWSSignerOrganisation)
    }

    @Test("a letter presented as a receipt is an unexpected message type")
    func letterIsNotAReceipt() throws {
        let letter = try PackageFixtures.sealDigital()
        let error = #expect(throws: DPIError.self) {
            try PackageFixtures.receiptVerifier().verify(letter.jwt, from: PackageFixtures.sender)
        }
        #expect(error?.code == .unexpectedMessageType)
    }

    @Test("a receipt whose SBDH sender is not its signer is refused")
    func receiptSenderIsNotSigner() throws {
        let letter = try PackageFixtures.sealDigital()
        let jwt = try receipt(for: letter, signer: "digipost", body: { .deliveryReceipt($0) },
                              change: { $0.header.sender = $0.header.receiver })
        let error = #expect(throws: DPIError.self) {
            try PackageFixtures.receiptVerifier().verify(jwt, from: PackageFixtures.digipost)
        }
        #expect(error?.code == .signerNotSender)
    }
}
