import DPI
import Dispatch
import Foundation
import Synchronization

extension AccessPointSimulator {
    /// Stores `letters` as accepted now (statuses answer for them) and queues their receipts, signed here
    /// in parallel by each letter's provider, so that a benchmark of the sender measures reconciliation and not
    /// the simulator's signing. Injected letters are not counted as accepted in the report; their receipts
    /// count as issued. Throws `.invalidConfiguration` for a type that is not a receipt.
    public func inject(_ letters: [InjectedLetter]) throws {
        for letter in letters {
            for receipt in letter.receipts where ReceiptKind(rawValue: receipt.type.rawValue) == nil {
                throw SimulatorError(.invalidConfiguration,
                                     "\(receipt.type.rawValue) is not a receipt a provider sends")
            }
        }
        let signed = Mutex<[Int: [LetterStore.SignedReceipt]]>([:])
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, letters.count))
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            var mine: [Int: [LetterStore.SignedReceipt]] = [:]
            for index in stride(from: lane, to: letters.count, by: lanes) {
                mine[index] = sign(letters[index])
            }
            let partial = mine
            signed.withLock { $0.merge(partial) { first, _ in first } }
        }
        let receipts = signed.withLock { $0 }
        let now = configuration.clock()
        for (index, letter) in letters.enumerated() {
            store.inject(stored(letter, acceptedAt: now), receipts: receipts[index] ?? [])
        }
    }

    /// Calls `observer` with the id of each receipt the sender acknowledges, before it leaves the queue: a test
    /// can check there that the receipt was stored first.
    public func observeAcknowledgements(_ observer: @escaping @Sendable (String) -> Void) {
        acknowledgementObserver.withLock { $0 = AcknowledgementObserver(call: observer) }
    }

    /// Runs `action` once, inside the request whose letter is the `letters`-th accepted (or the next one, when
    /// that many are accepted already), before the sender is answered: a test can revoke tokens, pause the
    /// job or signal the sender at the same point of every run, whatever the machine's load. A new call
    /// replaces an action not yet run.
    public func whenAccepted(letters: Int, perform action: @escaping @Sendable () -> Void) {
        acceptanceTrigger.arm(letters: letters, action: action)
    }

    private func index(of provider: InjectedLetter.Provider) -> Int {
        switch provider {
        case .digipost: 0
        case .eboks: 1
        case .print: 2
        }
    }

    /// The letter as the store keeps it, with a stand-in business message: only its header (ids, parties,
    /// process) and Avsender reach the receipts.
    private func stored(_ letter: InjectedLetter, acceptedAt: Date) -> StoredLetter {
        let provider = providers[index(of: letter.provider)]
        let process: BusinessProcess = provider.isPrint ? .print : .digital
        let type: BusinessMessageType = provider.isPrint ? .utskrift : .digital
        let scope = [StandardBusinessDocumentHeader.ScopeInformation(
            expectedResponseDateTime: Timestamp(acceptedAt.addingTimeInterval(86_400)))]
        let header = StandardBusinessDocumentHeader(
            sender: [.init(identifier: OrganisationReference(letter.sender))],
            receiver: [.init(identifier: OrganisationReference(provider.organisation))],
            documentIdentification: .init(
                standard: type.standard, instanceIdentifier: letter.messageId.uuidString.lowercased(),
                type: type.rawValue, creationDateAndTime: Timestamp(acceptedAt)),
            scopes: [.init(type: "ConversationId", instanceIdentifier: letter.conversationId.uuidString.lowercased(),
                           identifier: process.rawValue, scopeInformation: scope)])
        let body = DigitalMessage(
            sender: MessageSender(organisation: OrganisationReference(letter.sender),
                                  senderIdentifier: letter.senderIdentifier),
            mailboxAddress: "injected", fingerprint: PackageFingerprint(digestValue: ""), maskinportenToken: "",
            securityLevel: 3, nonSensitiveTitle: "injected", language: "NO")
        return StoredLetter(
            messageId: letter.messageId.uuidString.lowercased(),
            message: BusinessMessage(header: header, body: .digital(body)), provider: index(of: letter.provider),
            owners: [letter.sender.rawValue], kanal: letter.kanal?.lowercased(),
            senderIdentifier: letter.senderIdentifier, recipientKey: "injected:\(letter.messageId)",
            acceptedAt: acceptedAt, transportFails: letter.transportFails)
    }

    /// The letter's receipts, each signed by its provider (spec 16).
    private func sign(_ letter: InjectedLetter) -> [LetterStore.SignedReceipt] {
        let original = stored(letter, acceptedAt: configuration.clock())
        let provider = providers[original.provider]
        return letter.receipts.compactMap { receipt in
            guard let kind = ReceiptKind(rawValue: receipt.type.rawValue) else { return nil }
            let id = UUID()
            let time = Timestamp(receipt.occurredAt)
            let reply = BusinessMessage.reply(
                to: original.message, with: kind.body(answering: original.message, issuer: provider.organisation,
                                                      time: time),
                messageId: id, createdAt: time)
            guard let jwt = try? provider.signer.sign(reply.jsonData()) else { return nil }
            return LetterStore.SignedReceipt(id: id.uuidString.lowercased(), kind: kind, jwt: jwt,
                                             copies: max(1, receipt.copies))
        }
    }
}

/// The observer of `AccessPointSimulator.observeAcknowledgements(_:)`, in a class: a bare closure kept in a
/// `Mutex` is wrapped in one more reabstraction thunk by every `withLock`, and after tens of thousands of
/// acknowledgements releasing that chain overflows the stack.
final class AcknowledgementObserver: Sendable {
    let call: @Sendable (String) -> Void

    init(call: @escaping @Sendable (String) -> Void) {
        self.call = call
    }
}
