import DPI
import Foundation

/// What one verified receipt does to its letter (PRODUCT.md letter states, spec 11.2, 12.2): the state it
/// moves the letter to, if any, and the notification flag. The database applies the state only when it ranks
/// above the letter's (`dpi.state_rank`), so a repeated or out-of-order receipt never moves a letter back.
///
/// | receipt                    | digital letter        | print letter          |
/// |----------------------------|-----------------------|-----------------------|
/// | `leveringskvittering`      | `delivered`           | `posted`              |
/// | `aapningskvittering`       | `opened`              | `opened`              |
/// | `mottakskvittering`        | `accepted_for_print`  | `accepted_for_print`  |
/// | `returpostkvittering`      | `returned`            | `returned`            |
/// | `feil`                     | `failed`, with `feiltype` and `detaljer` in `error` |   |
/// | `varslingfeiletkvittering` | no state: `notification_failed = true`                 |   |
struct ReceiptEffect: Equatable, Sendable {
    /// The state the receipt moves the letter to; nil for a flag-only receipt.
    var state: String?
    /// Whether the receipt says a notification failed.
    var notificationFailed = false
    /// The letter's `error` when the receipt fails it.
    var error: String?
    /// When the event happened (`tidspunkt`).
    var occurredAt: Date?

    /// The effect of `message` on a letter sent on `channel` (`digital`, `print`, or nil when unknown: then
    /// the conversation's process decides).
    init(_ message: BusinessMessage, channel: String?) {
        occurredAt = message.body.receipt?.time.date
        let isPrint = channel.map { $0 == "print" } ?? (message.process == .print)
        switch message.body {
        case .deliveryReceipt: state = isPrint ? "posted" : "delivered"
        case .openingReceipt: state = "opened"
        case .receptionReceipt: state = "accepted_for_print"
        case .returnedMailReceipt: state = "returned"
        case .notificationFailedReceipt: notificationFailed = true
        case .error(let failure):
            state = "failed"
            error = "the provider answered feil (\(failure.kind.rawValue)): "
                + (failure.details.map { $0.isEmpty ? "no details" : $0 } ?? "no details")
        case .digital, .print, .moved: break
        }
    }
}
