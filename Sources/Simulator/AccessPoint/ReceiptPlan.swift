import DPI
import Foundation

/// A kind of receipt a simulated provider sends (spec 5.5, 16).
enum ReceiptKind: String, Sendable, CaseIterable {
    case delivery = "leveringskvittering"
    case opening = "aapningskvittering"
    case reception = "mottakskvittering"
    case returnedMail = "returpostkvittering"
    case notificationFailed = "varslingfeiletkvittering"
    case error = "feil"

    /// The body of this receipt answering `original`, issued by `issuer` at `time`.
    func body(answering original: BusinessMessage, issuer: OrganisationNumber, time: Timestamp)
        -> BusinessMessage.Body {
        let receipt = Receipt(answering: original, issuer: issuer, time: time)
        switch self {
        case .delivery: return .deliveryReceipt(receipt)
        case .opening: return .openingReceipt(receipt)
        case .reception: return .receptionReceipt(receipt)
        case .returnedMail: return .returnedMailReceipt(receipt)
        case .notificationFailed:
            return .notificationFailedReceipt(NotificationFailedReceipt(
                receipt: receipt, channel: .email, explanation: "Simulert: e-postvarselet kunne ikke sendes"))
        case .error:
            return .error(ErrorMessage(receipt: receipt, kind: .client,
                                       details: "Simulert feil: brevet kunne ikke leveres"))
        }
    }
}

/// One receipt decided for a letter: its kind, when it becomes visible, and how many copies are queued.
struct PlannedReceipt: Sendable, Equatable {
    let kind: ReceiptKind
    let due: Date
    let copies: Int
}

/// Decides a letter's receipts from `ReceiptSettings` with a random source seeded by the message id, so
/// the same letter always gets the same receipts (spec 16 scenarios).
enum ReceiptPlan {
    /// The receipts for a letter accepted at `acceptedAt`: digital → delivery (+ opening when asked for,
    /// + notification failure by share); print → reception then delivery (+ returned mail by share); a `feil`
    /// instead of all of them, or nothing, by share.
    static func receipts(messageId: String, isPrint: Bool, requestsOpening: Bool, acceptedAt: Date,
                         settings: ReceiptSettings) -> [PlannedReceipt] {
        var random = SeededRandom(seed: settings.randomSeed, messageId: messageId)
        let first = acceptedAt.addingTimeInterval(settings.delay)
        var steps: [(ReceiptKind, Date)]
        if random.chance(settings.silentShare) {
            return []
        } else if random.chance(settings.errorShare) {
            steps = [(.error, first)]
        } else if isPrint {
            let posted = first.addingTimeInterval(settings.printPostingDelay)
            steps = [(.reception, first), (.delivery, posted)]
            if random.chance(settings.returnedMailShare) {
                steps.append((.returnedMail, posted.addingTimeInterval(settings.printPostingDelay)))
            }
        } else {
            steps = [(.delivery, first)]
            if random.chance(settings.notificationFailedShare) {
                steps.append((.notificationFailed, first))
            }
            if requestsOpening {
                steps.append((.opening, first.addingTimeInterval(settings.openingDelay)))
            }
        }
        if steps.count > 1, random.chance(settings.outOfOrderShare) {
            steps = zip(steps.map(\.0), steps.map(\.1).reversed()).map { ($0, $1) }
        }
        return steps.map { kind, due in
            PlannedReceipt(kind: kind, due: due, copies: random.chance(settings.duplicateShare) ? 2 : 1)
        }
    }
}
