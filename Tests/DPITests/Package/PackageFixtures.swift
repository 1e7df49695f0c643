@testable import DPI
import Foundation
import PKI
import TestSupport

/// Letters to the test PKI's providers and the objects that seal and verify them: the sender
/// (991825827) writes to Digipost (984661185) and to the print provider (974761076).
enum PackageFixtures {
    static let sender = try! OrganisationNumber("991825827")
    static let digipost = try! OrganisationNumber("984661185")
    static let eboks = try! OrganisationNumber("922020175")
    static let printProvider = try! OrganisationNumber("974761076")

    static let mainDocument = Data("%PDF-1.7 brev til Ola\n".utf8) + Data(repeating: 0x41, count: 4000)
    static let attachments = [Data("Vedlegg én: tekst\n".utf8), Data("<html><body>Vedlegg to</body></html>".utf8)]
    static var contents: [DocumentContents] { ([mainDocument] + attachments).map { .data($0) } }

    static var letterSender: LetterSender {
        LetterSender(organisation: sender, senderIdentifier: "991825827:skatt", invoiceReference: "faktura-7")
    }

    static var documents: [LetterDocument] {
        [LetterDocument(fileName: "brev.pdf", mimeType: "application/pdf", title: "Vedtak om skatt",
                        byteCount: mainDocument.count),
         LetterDocument(fileName: "vedlegg-1.txt", mimeType: "text/plain", title: "Vedlegg én",
                        byteCount: attachments[0].count),
         LetterDocument(fileName: "vedlegg-2.html", mimeType: "text/html", byteCount: attachments[1].count)]
    }

    static var digital: DigitalLetter {
        DigitalLetter(sender: letterSender, mailboxProvider: digipost, mailboxAddress: "ola.nordmann#8HC7",
                      nonSensitiveTitle: "Brev fra Skatteetaten", language: "no", securityLevel: 3,
                      documents: documents)
    }

    static var print: PrintLetter {
        PrintLetter(sender: letterSender, printProvider: printProvider,
                    recipient: .norwegian(name: "Kari Nordmann", lines: ["Storgata 1"], postalCode: "0155",
                                          city: "Oslo"),
                    returnAddress: .norwegian(name: "Skatteetaten", lines: ["Postboks 9200 Grønland"],
                                              postalCode: "0134", city: "Oslo"),
                    documents: [documents[0]])
    }

    static let token = "eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6ImRpZ2l0YWxwb3N0aW5uYnlnZ2VyOnNlbmQifQ.c2ln"

    static func identity(_ name: String) throws -> Identity {
        try Identity(pkcs12File: TestPKI.file("\(name).p12"), password: "changeit")
    }

    static func sealer(_ name: String = "sender") throws -> LetterSealer {
        try LetterSealer(identity: identity(name))
    }

    /// Seals the digital letter to Digipost (or to `recipient`'s certificate) with `signer`'s identity.
    static func sealDigital(signer: String = "sender", recipient: String = "digipost",
                            letter: DigitalLetter = digital) throws -> SealedLetter {
        try sealer(signer).seal(letter, contents: Array(contents.prefix(letter.documents.count)),
                                messageId: UUID(), conversationId: UUID(), createdAt: Timestamp(Date()),
                                maskinportenToken: token, recipient: identity(recipient).certificate)
    }

    static func sealPrint() throws -> SealedLetter {
        try sealer().seal(print, contents: [.data(mainDocument)], messageId: UUID(), conversationId: UUID(),
                          createdAt: Timestamp(Date()), maskinportenToken: token,
                          recipient: identity("print").certificate)
    }

    static func trustStore() throws -> TrustStore {
        try TrustStore(pem: Data(contentsOf: TestPKI.file("trust-anchors.pem")))
    }

    /// What `provider` (digipost, eboks, print) checks, trusting the test root with the test intermediate.
    static func letterVerifier(for provider: String) throws -> LetterVerifier {
        LetterVerifier(trustStore: try trustStore(),
                       intermediates: try Certificate.bundle(contentsOf: TestPKI.file("chain.pem")),
                       recipient: try identity(provider))
    }

    static func receiptVerifier() throws -> ReceiptVerifier {
        ReceiptVerifier(trustStore: try trustStore(),
                        intermediates: try Certificate.bundle(contentsOf: TestPKI.file("chain.pem")))
    }

    /// The business message of a sealed letter, decoded from its JWS payload.
    static func message(of letter: SealedLetter) throws -> BusinessMessage {
        try BusinessMessage(jsonData: JWS.parse(letter.jwt).payload)
    }

    /// `message` with `fingerprint` in its letter body, signed anew by `signer`: a correctly signed
    /// message, for tests that change the package or the fingerprint.
    static func resign(_ message: BusinessMessage, fingerprint: PackageFingerprint, signer: String = "sender")
        throws -> String {
        try JWSSigner(identity: identity(signer)).sign(message.withFingerprint(fingerprint).jsonData())
    }
}

extension BusinessMessage {
    /// The same letter message carrying `fingerprint` in its `digital` or `utskrift` body.
    fileprivate func withFingerprint(_ fingerprint: PackageFingerprint) -> BusinessMessage {
        var message = self
        switch body {
        case .digital(var digital):
            digital.fingerprint = fingerprint
            message.body = .digital(digital)
        case .print(var print):
            print.fingerprint = fingerprint
            message.body = .print(print)
        default:
            break
        }
        return message
    }
}
