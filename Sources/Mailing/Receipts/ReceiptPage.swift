import AccessPoint
import DPI
import Dispatch
import Foundation
import Synchronization

/// One page of `GET /messages/in`, read: each distinct receipt once (a receipt delivered twice is stored once
/// but read twice), the items that cannot be read at all, and the ids to acknowledge after storing.
struct ReceiptPage {
    /// The distinct readable receipts, in the order first seen.
    let receipts: [IncomingReceipt]
    /// Items that are not a readable receipt, keyed by `IncomingReceipt.unreadableKey(of:)`.
    let unreadable: [ReceiptStore.QuarantineRow]
    /// One id per readable item, repeats included: what to acknowledge once the page is stored. An unreadable
    /// item has no id to acknowledge it by; it stays in the access point's queue.
    let acknowledgementIds: [String]

    /// Reads every item of a page.
    init(_ items: [IncomingMessage]) {
        var receipts: [IncomingReceipt] = []
        var seen: Set<String> = []
        var unreadable: [String: ReceiptStore.QuarantineRow] = [:]
        var ids: [String] = []
        for item in items {
            do {
                let receipt = try IncomingReceipt(jwt: item.businessMessage)
                ids.append(receipt.messageId)
                if seen.insert(receipt.messageId).inserted { receipts.append(receipt) }
            } catch {
                let key = IncomingReceipt.unreadableKey(of: item.businessMessage)
                unreadable[key] = .init(incomingMessageId: key, reason: "unreadable: \(error)",
                                        jwt: item.businessMessage, conversationId: nil, recipientId: nil, type: nil)
            }
        }
        self.receipts = receipts
        self.unreadable = unreadable.values.sorted { $0.incomingMessageId < $1.incomingMessageId }
        acknowledgementIds = ids
    }

    /// The conversations the page's receipts answer.
    var conversationIds: [UUID] { Array(Set(receipts.map(\.conversationId))) }

    /// The page split into receipts to store (verified against the provider their letter went to) and items
    /// to quarantine (unreadable, no letter with that conversation, or failing verification). Verification
    /// runs on `threads` threads: two RSA verifications and a chain check per receipt.
    func sort(letters: [UUID: ReceiptStore.Letter], verifier: ReceiptVerifier, threads: Int)
        -> (receipts: [ReceiptStore.ReceiptRow], quarantine: [ReceiptStore.QuarantineRow]) {
        let outcomes = Mutex<[String: Result<BusinessMessage, any Error>]>([:])
        let lanes = max(1, min(threads, receipts.count))
        let receipts = receipts
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            var results: [String: Result<BusinessMessage, any Error>] = [:]
            for index in stride(from: lane, to: receipts.count, by: lanes) {
                let receipt = receipts[index]
                guard let letter = letters[receipt.conversationId] else { continue }
                results[receipt.messageId] = Result {
                    guard let provider = letter.providerOrgno.flatMap({ try? OrganisationNumber($0) }) else {
                        throw MailingError(.unreadableReceipt, "the letter has no mailbox or print provider recorded")
                    }
                    return try verifier.verify(receipt.jwt, from: provider)
                }
            }
            let partial = results
            outcomes.withLock { $0.merge(partial) { first, _ in first } }
        }
        let verified = outcomes.withLock { $0 }
        var rows: [ReceiptStore.ReceiptRow] = []
        var quarantine = unreadable
        for receipt in receipts {
            guard let letter = letters[receipt.conversationId], let outcome = verified[receipt.messageId] else {
                quarantine.append(Self.quarantined(receipt, letter: nil, reason: "no letter has this conversation id"))
                continue
            }
            switch outcome {
            case .success(let message):
                rows.append(Self.row(receipt, message: message, letter: letter))
            case .failure(let error):
                quarantine.append(Self.quarantined(receipt, letter: letter, reason: "verification failed: \(error)"))
            }
        }
        return (rows, quarantine)
    }

    private static func row(_ receipt: IncomingReceipt, message: BusinessMessage, letter: ReceiptStore.Letter)
        -> ReceiptStore.ReceiptRow {
        let effect = ReceiptEffect(message, channel: letter.channel)
        let format = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return .init(receiptMessageId: receipt.messageId, conversationId: receipt.conversationId,
                     recipientId: letter.recipientId, type: receipt.type.rawValue,
                     occurredAt: effect.occurredAt.map { format.format($0) },
                     signerOrgno: message.senderOrganisationNumber?.rawValue ?? letter.providerOrgno ?? "",
                     jwt: receipt.jwt, payload: String(decoding: receipt.payload, as: UTF8.self),
                     targetState: effect.state, notificationFailed: effect.notificationFailed, error: effect.error)
    }

    private static func quarantined(_ receipt: IncomingReceipt, letter: ReceiptStore.Letter?, reason: String)
        -> ReceiptStore.QuarantineRow {
        .init(incomingMessageId: receipt.messageId, reason: reason, jwt: receipt.jwt,
              conversationId: receipt.conversationId, recipientId: letter?.recipientId, type: receipt.type.rawValue)
    }
}
