import DPI
import Foundation

/// Valid letters using every optional field, for schema checks and as the base the validation tests break.
enum SampleLetters {
    static let now = Timestamp(millisecondsSince1970: 1_700_000_000_123, utcOffsetSeconds: 3600)

    static var transmission: Transmission {
        Transmission(messageId: UUID(), conversationId: UUID(), createdAt: now,
                     fingerprint: PackageFingerprint(cms: Data("encrypted package".utf8)),
                     maskinportenToken: "eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6ImRpZ2l0YWxwb3N0aW5uYnlnZ2VyOnNlbmQifQ.c2ln")
    }

    static var sender: LetterSender {
        // Orgnos of the on-behalf-of example: Databehandler 810969342 for Avsender 910076787.
        LetterSender(organisation: try! OrganisationNumber("910076787"), senderIdentifier: "910076787:brev",
                     invoiceReference: "faktura-42", dataProcessor: try! OrganisationNumber("0192:810969342"))
    }

    static var documents: [LetterDocument] {
        [LetterDocument(fileName: "vedtak.pdf", mimeType: "application/pdf", title: "Vedtak om støtte",
                        byteCount: 2048),
         LetterDocument(fileName: "vedlegg_1.pdf", mimeType: "application/pdf", title: "Vedlegg", byteCount: 1024)]
    }

    static var digital: DigitalLetter {
        DigitalLetter(
            sender: sender, mailboxProvider: try! OrganisationNumber("984661185"), mailboxAddress: "test.testesen#8HC7",
            nonSensitiveTitle: "Brev fra kommunen", language: "no", securityLevel: 4, requestsOpeningReceipt: true,
            effectiveTime: now.adding(seconds: 3 * 86_400),
            notifications: Notifications(
                email: EmailNotification(address: "ola@example.no", text: "Du har fått brev i din digitale postkasse."),
                sms: SMSNotification(phoneNumber: "+47 99 99 99 99", text: "Du har fått post.", repetitions: [0])),
            emailContactVerifiedAt: now.date.addingTimeInterval(-30 * 86_400),
            mobileContactVerifiedAt: now.date.addingTimeInterval(-400 * 86_400),
            documents: documents)
    }

    static var print: PrintLetter {
        PrintLetter(
            sender: sender, printProvider: try! OrganisationNumber("974761076"),
            recipient: .foreign(name: "Kari Nordmann", lines: ["Hauptstraße 1", "c/o Müller", "12345 Berlin"],
                                countryCode: "DE"),
            returnAddress: .foreign(name: "Kommunen", lines: ["Box 1", "S-111 11 Stockholm"], country: "Sverige"),
            returnHandling: .shredWithNotice, colour: .colour, postType: .a, documents: documents)
    }
}
