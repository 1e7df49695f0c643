public import Foundation

/// A DPI business message: the Standard Business Document with its header and one typed body (spec 5).
///
/// Build letters with `BusinessMessage.digital(_:_:)` / `.print(_:_:)`, write them with `jsonData()`, and read
/// anything a provider sends with `BusinessMessage(jsonData:)`.
public struct BusinessMessage: Hashable, Sendable {
    /// The typed body beside the header.
    public enum Body: Hashable, Sendable {
        /// `digital`.
        case digital(DigitalMessage)
        /// `utskrift`.
        case print(PrintMessage)
        /// `leveringskvittering`.
        case deliveryReceipt(Receipt)
        /// `aapningskvittering`.
        case openingReceipt(Receipt)
        /// `mottakskvittering`.
        case receptionReceipt(Receipt)
        /// `returpostkvittering`.
        case returnedMailReceipt(Receipt)
        /// `varslingfeiletkvittering`.
        case notificationFailedReceipt(NotificationFailedReceipt)
        /// `feil`.
        case error(ErrorMessage)
        /// `flyttet` (decoded only).
        case moved(MovedMessage)

        /// The message type of this body.
        public var type: BusinessMessageType {
            switch self {
            case .digital: .digital
            case .print: .utskrift
            case .deliveryReceipt: .leveringskvittering
            case .openingReceipt: .aapningskvittering
            case .receptionReceipt: .mottakskvittering
            case .returnedMailReceipt: .returpostkvittering
            case .notificationFailedReceipt: .varslingfeiletkvittering
            case .error: .feil
            case .moved: .flyttet
            }
        }

        /// The common receipt fields of a receipt or error message; nil for letters.
        public var receipt: Receipt? {
            switch self {
            case .deliveryReceipt(let receipt), .openingReceipt(let receipt), .receptionReceipt(let receipt),
                 .returnedMailReceipt(let receipt):
                receipt
            case .notificationFailedReceipt(let failed): failed.receipt
            case .error(let error): error.receipt
            case .digital, .print, .moved: nil
            }
        }
    }

    /// The SBDH.
    public var header: StandardBusinessDocumentHeader
    /// The body.
    public var body: Body

    /// A message from a header and a body; the header's `type` should name the body's type.
    public init(header: StandardBusinessDocumentHeader, body: Body) {
        self.header = header
        self.body = body
    }

    /// The type of the body.
    public var type: BusinessMessageType { body.type }

    /// The message id (`documentIdentification.instanceIdentifier`); the decoder guarantees it is a UUID.
    public var messageId: UUID? { UUID(uuidString: header.documentIdentification.instanceIdentifier) }

    /// The conversation id shared by a letter and its receipts, when present and a UUID.
    public var conversationId: UUID? { header.conversationScope?.instanceIdentifier.flatMap(UUID.init(uuidString:)) }

    /// The process identifier of the conversation (`scope[0].identifier`), when it is a known one.
    public var process: BusinessProcess? { header.conversationScope?.identifier.flatMap(BusinessProcess.init) }

    /// The deadline for the delivery receipt, when given.
    public var expectedResponseTime: Timestamp? {
        header.conversationScope?.scopeInformation?.lazy.compactMap(\.expectedResponseDateTime).first
    }

    /// The SBDH sender's organisation number (for a receipt: the provider that issued it).
    public var senderOrganisationNumber: OrganisationNumber? { header.sender.first?.identifier.organisationNumber }

    /// The SBDH receiver's organisation number (for a receipt: the technical sender of the original letter).
    public var receiverOrganisationNumber: OrganisationNumber? {
        header.receiver.first?.identifier.organisationNumber
    }
}
