public import Foundation

extension BusinessMessage {
    /// The `digital` business message for a validated letter (spec 5.3): SBDH sender is the technical
    /// sender, receiver the mailbox provider, process `digital`.
    ///
    /// - Throws: the first `LetterValidation` error (`DPIError` `invalidLetter`, naming the field).
    public static func digital(_ letter: DigitalLetter, _ transmission: Transmission,
                               validation: LetterValidation = LetterValidation()) throws -> BusinessMessage {
        try validation.validate(letter, now: transmission.createdAt.date)
        return digital(validated: letter, transmission)
    }

    /// The `digital` business message for a letter the caller has validated already: `LetterSealer`
    /// validates before its RSA work and writes the message once the package fingerprint is known.
    static func digital(validated letter: DigitalLetter, _ transmission: Transmission) -> BusinessMessage {
        let body = DigitalMessage(
            sender: letter.sender.messageSender, mailboxAddress: letter.mailboxAddress,
            fingerprint: transmission.fingerprint, maskinportenToken: transmission.maskinportenToken,
            securityLevel: letter.securityLevel, effectiveTime: letter.effectiveTime,
            requestsOpeningReceipt: letter.requestsOpeningReceipt, nonSensitiveTitle: letter.nonSensitiveTitle,
            language: letter.language, notifications: letter.notifications)
        let header = Self.header(.digital, process: .digital, from: letter.sender.technicalSender,
                                 to: letter.mailboxProvider, transmission)
        return BusinessMessage(header: header, body: .digital(body))
    }

    /// The `utskrift` business message for a validated letter (spec 5.4, 13): SBDH receiver is the print
    /// provider, process `utskrift`.
    ///
    /// - Throws: the first `LetterValidation` error (`DPIError` `invalidLetter`, naming the field).
    public static func print(_ letter: PrintLetter, _ transmission: Transmission,
                             validation: LetterValidation = LetterValidation()) throws -> BusinessMessage {
        try validation.validate(letter)
        return print(validated: letter, transmission)
    }

    /// The `utskrift` business message for a letter the caller has validated already (see
    /// `digital(validated:_:)`).
    static func print(validated letter: PrintLetter, _ transmission: Transmission) -> BusinessMessage {
        let body = PrintMessage(
            sender: letter.sender.messageSender, recipient: letter.recipient, fingerprint: transmission.fingerprint,
            maskinportenToken: transmission.maskinportenToken, colour: letter.colour,
            returnAddress: letter.returnAddress, returnHandling: letter.returnHandling, postType: letter.postType)
        let header = Self.header(.utskrift, process: .print, from: letter.sender.technicalSender,
                                 to: letter.printProvider, transmission)
        return BusinessMessage(header: header, body: .print(body))
    }

    /// A receipt or error message answering `original`, as a provider writes it (spec 5.5): sender and
    /// receiver swapped, business scope copied, a new message id. Used by the simulator and tests.
    public static func reply(to original: BusinessMessage, with body: Body, messageId: UUID,
                             createdAt: Timestamp) -> BusinessMessage {
        var header = original.header
        header.sender = original.header.receiver
        header.receiver = original.header.sender
        header.documentIdentification = .init(
            standard: body.type.standard, instanceIdentifier: messageId.lowercasedText,
            type: body.type.rawValue, creationDateAndTime: createdAt)
        return BusinessMessage(header: header, body: body)
    }

    private static func header(_ type: BusinessMessageType, process: BusinessProcess, from sender: OrganisationNumber,
                               to receiver: OrganisationNumber, _ transmission: Transmission)
        -> StandardBusinessDocumentHeader {
        StandardBusinessDocumentHeader(
            sender: [.init(identifier: OrganisationReference(sender))],
            receiver: [.init(identifier: OrganisationReference(receiver))],
            documentIdentification: .init(
                standard: type.standard, instanceIdentifier: transmission.messageId.lowercasedText,
                type: type.rawValue, creationDateAndTime: transmission.createdAt),
            scopes: [.init(type: "ConversationId",
                           instanceIdentifier: transmission.conversationId.lowercasedText,
                           identifier: process.rawValue,
                           scopeInformation: [.init(expectedResponseDateTime: transmission.expectedResponseBy)])])
    }
}

extension Receipt {
    /// The receipt fields a provider writes when answering `original`: issued by `issuer`, addressed to the
    /// original Avsender with its sender identifier copied to `motakeridentifikator` (spec 5.5).
    public init(answering original: BusinessMessage, issuer: OrganisationNumber, time: Timestamp) {
        let sender: MessageSender? = switch original.body {
        case .digital(let message): message.sender
        case .print(let message): message.sender
        default: nil
        }
        let fallback = original.header.sender.first?.identifier ?? OrganisationReference(issuer)
        self.init(issuer: MessageSender(organisation: OrganisationReference(issuer)),
                  recipient: OrganisationRecipient(organisation: sender?.organisation ?? fallback,
                                                   recipientIdentifier: sender?.senderIdentifier),
                  time: time)
    }
}
