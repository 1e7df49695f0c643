import DPI
import Foundation
import Testing

/// Our builders, fed with the values of the official complete examples, must write the same business
/// message: equal as JSON, and byte for byte equal to the signed payload once its `\/` escapes are undone.
@Suite("Builders reproduce the official examples")
struct OfficialExampleBuildTests {
    @Test("digital messages equal the official payloads",
          arguments: ["digital", "digital-avsenderidentifikator", "digital-pa-vegne-av"])
    func digitalMatchesExample(_ scenario: String) throws {
        let example = try ExampleFiles.businessMessage(scenario)
        let tree = try JSONTree(example)
        let body = "standardBusinessDocument.digital."
        let letter = DigitalLetter(
            sender: try Self.sender(tree, body: body),
            mailboxProvider: try OrganisationNumber(
                tree.string("standardBusinessDocument.standardBusinessDocumentHeader.receiver.0.identifier.value")),
            mailboxAddress: try tree.string(body + "mottaker.postkasseadresse"),
            nonSensitiveTitle: try tree.string(body + "ikkesensitivtittel"),
            language: try tree.string(body + "spraak"),
            securityLevel: try #require(tree.value(body + "sikkerhetsnivaa") as? Int),
            requestsOpeningReceipt: try #require(tree.value(body + "aapningskvittering") as? Bool),
            effectiveTime: try Timestamp(rfc3339: tree.string(body + "virkningstidspunkt")),
            documents: [LetterDocument(fileName: "Test.txt", mimeType: "text/plain", title: "Test.txt", byteCount: 4)])
        let message = try BusinessMessage.digital(letter, try Self.transmission(tree, scenario: scenario, body: body))
        try Self.expectSame(try message.jsonData(), example: example, scenario: scenario)
    }

    @Test("utskrift message equals the official payload")
    func printMatchesExample() throws {
        let example = try ExampleFiles.businessMessage("utskrift")
        let tree = try JSONTree(example)
        let body = "standardBusinessDocument.utskrift."
        let letter = PrintLetter(
            sender: try Self.sender(tree, body: body),
            printProvider: try OrganisationNumber(
                tree.string("standardBusinessDocument.standardBusinessDocumentHeader.receiver.0.identifier.value")),
            recipient: try Self.address(tree, body + "mottaker."),
            returnAddress: try Self.address(tree, body + "retur.mottaker."),
            returnHandling: try #require(PrintMessage.ReturnHandling(
                rawValue: tree.string(body + "retur.returposthaandtering"))),
            colour: try #require(PrintMessage.Colour(rawValue: tree.string(body + "utskriftstype"))),
            postType: PrintMessage.PostType(rawValue: try tree.string(body + "posttype")),
            documents: [LetterDocument(fileName: "my.pdf", mimeType: "application/pdf", title: "My PDF", byteCount: 9)])
        let message = try BusinessMessage.print(letter, try Self.transmission(tree, scenario: "utskrift", body: body))
        try Self.expectSame(try message.jsonData(), example: example, scenario: "utskrift")
    }

    private static func expectSame(_ ours: Data, example: Data, scenario: String) throws {
        #expect(try JSONTree.equal(ours, example))
        let signed = String(decoding: try ExampleFiles.signedPayload(scenario), as: UTF8.self)
        #expect(String(decoding: ours, as: UTF8.self) == signed.replacingOccurrences(of: "\\/", with: "/"))
    }

    private static func sender(_ tree: JSONTree, body: String) throws -> LetterSender {
        let legal = try OrganisationNumber(tree.string(body + "avsender.virksomhetsidentifikator.value"))
        let technical = try OrganisationNumber(
            tree.string("standardBusinessDocument.standardBusinessDocumentHeader.sender.0.identifier.value"))
        return LetterSender(organisation: legal,
                            senderIdentifier: tree.optionalString(body + "avsender.avsenderidentifikator"),
                            dataProcessor: technical == legal ? nil : technical)
    }

    /// The per-sending values of the example; the fingerprint is computed from the example's CMS file.
    private static func transmission(_ tree: JSONTree, scenario: String, body: String) throws -> Transmission {
        let header = "standardBusinessDocument.standardBusinessDocumentHeader."
        let scope = header + "businessScope.scope.0.", identification = header + "documentIdentification."
        return Transmission(
            messageId: try #require(UUID(uuidString: tree.string(identification + "instanceIdentifier"))),
            conversationId: try #require(UUID(uuidString: tree.string(scope + "instanceIdentifier"))),
            createdAt: try Timestamp(rfc3339: tree.string(identification + "creationDateAndTime")),
            expectedResponseBy: try Timestamp(
                rfc3339: tree.string(scope + "scopeInformation.0.expectedResponseDateTime")),
            fingerprint: PackageFingerprint(cms: try ExampleFiles.data("komplette/\(scenario)-dokumentpakke.cms")),
            maskinportenToken: try tree.string(body + "maskinportentoken"))
    }

    private static func address(_ tree: JSONTree, _ path: String) throws -> PostalAddress {
        .norwegian(name: try tree.string(path + "navn"), lines: [try tree.string(path + "adresselinje1")],
                   postalCode: try tree.string(path + "postnummer"), city: try tree.string(path + "poststed"))
    }
}
