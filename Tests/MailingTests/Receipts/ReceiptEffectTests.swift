import DPI
import Foundation
@testable import Mailing
import Testing

/// The state each receipt type moves a letter to, per channel (PRODUCT.md, spec 11.2), and the polling pace.
@Suite struct ReceiptEffectTests {
    private static func message(_ body: (Receipt) -> BusinessMessage.Body, process: BusinessProcess)
        -> BusinessMessage {
        let organisation = try! OrganisationNumber("984661185")
        let receipt = Receipt(issuer: MessageSender(organisation: OrganisationReference(organisation)),
                              recipient: OrganisationRecipient(organisation: OrganisationReference(organisation)),
                              time: Timestamp(Date(timeIntervalSince1970: 1_800_000_000)))
        let header = StandardBusinessDocumentHeader(
            sender: [.init(identifier: OrganisationReference(organisation))],
            receiver: [.init(identifier: OrganisationReference(organisation))],
            documentIdentification: .init(standard: "", instanceIdentifier: UUID().uuidString, type: "",
                                          creationDateAndTime: receipt.time),
            scopes: [.init(type: "ConversationId", instanceIdentifier: UUID().uuidString, identifier: process.rawValue,
                           scopeInformation: nil)])
        return BusinessMessage(header: header, body: body(receipt))
    }

    @Test(arguments: [
        ("leveringskvittering", "digital", "delivered"), ("leveringskvittering", "print", "posted"),
        ("aapningskvittering", "digital", "opened"), ("mottakskvittering", "print", "accepted_for_print"),
        ("returpostkvittering", "print", "returned"), ("feil", "digital", "failed"), ("feil", "print", "failed"),
    ])
    func eachReceiptTypeMovesTheLetterToItsState(type: String, channel: String, state: String) {
        let body: (Receipt) -> BusinessMessage.Body = switch type {
        case "leveringskvittering": { .deliveryReceipt($0) }
        case "aapningskvittering": { .openingReceipt($0) }
        case "mottakskvittering": { .receptionReceipt($0) }
        case "returpostkvittering": { .returnedMailReceipt($0) }
        default: { .error(ErrorMessage(receipt: $0, kind: .client, details: "bad address")) }
        }
        let effect = ReceiptEffect(Self.message(body, process: .digital), channel: channel)
        #expect(effect.state == state && !effect.notificationFailed)
        #expect(effect.occurredAt == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(effect.error == (type == "feil" ? "the provider answered feil (KLIENT): bad address" : nil))
    }

    @Test func aFailedNotificationOnlyRaisesTheFlag() {
        let effect = ReceiptEffect(Self.message({
            .notificationFailedReceipt(NotificationFailedReceipt(receipt: $0, channel: .sms))
        }, process: .digital), channel: "digital")
        #expect(effect.state == nil && effect.notificationFailed)
    }

    @Test func withoutAChannelTheConversationsProcessDecidesBetweenDeliveredAndPosted() {
        #expect(ReceiptEffect(Self.message({ .deliveryReceipt($0) }, process: .print), channel: nil).state == "posted")
        #expect(ReceiptEffect(Self.message({ .deliveryReceipt($0) }, process: .digital), channel: nil).state
                == "delivered")
    }

    @Test func pollingIsFastWhileReceiptsArriveSlowsDownWhenEmptyAndHonoursRetryAfter() {
        var pace = ReceiptPace(fastest: 0.2, slowest: 5)
        #expect([0, 0, 0, 0, 0, 0].map { pace.next(received: $0) } == [0.4, 0.8, 1.6, 3.2, 5, 5])
        #expect(pace.next(received: 3) == 0.2)
        #expect(pace.next(received: 0, retryAfter: 30) == 30)
        #expect(pace.next(received: 1, retryAfter: 2) == 2)
    }
}
