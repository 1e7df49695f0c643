import DPI
import Foundation
import Testing

@Suite("Reading business messages")
struct BusinessMessageDecodingTests {
    @Test("every official complete example decodes to its type and writes back as the same JSON",
          arguments: ExampleFiles.scenarios)
    func decodesCompleteExamples(_ scenario: String) throws {
        let data = try ExampleFiles.businessMessage(scenario)
        let tree = try JSONTree(data)
        let message = try BusinessMessage(jsonData: data)
        let header = "standardBusinessDocument.standardBusinessDocumentHeader."
        #expect(message.type == (scenario == "utskrift" ? .utskrift : .digital))
        #expect(message.messageId?.uuidString.lowercased()
            == (try tree.string(header + "documentIdentification.instanceIdentifier")))
        #expect(message.conversationId?.uuidString.lowercased()
            == (try tree.string(header + "businessScope.scope.0.instanceIdentifier")))
        #expect(message.senderOrganisationNumber?.iso6523 == (try tree.string(header + "sender.0.identifier.value")))
        #expect(message.process == (scenario == "utskrift" ? .print : .digital))
        #expect(try JSONTree.equal(try message.jsonData(), data))
    }

    @Test("every receipt sample decodes as a delivery receipt with the ids needed for matching",
          arguments: ExampleFiles.receiptSamples)
    func decodesReceiptSamples(_ file: String) throws {
        let data = try ExampleFiles.data(file)
        let tree = try JSONTree(data)
        let message = try BusinessMessage(jsonData: data)
        #expect(message.type == .leveringskvittering)
        #expect(message.type.isReceipt)
        #expect(message.conversationId == UUID(uuidString: "37efbd4c-413d-4e2c-bbc5-257ef4a65a45"))
        #expect(message.messageId == UUID(uuidString: "ff88849c-e281-4809-8555-7cd54952b916"))
        let header = "standardBusinessDocument.standardBusinessDocumentHeader."
        #expect(message.senderOrganisationNumber?.iso6523 == (try tree.string(header + "sender.0.identifier.value")))
        let receipt = try #require(message.body.receipt)
        let mottaker = "standardBusinessDocument.leveringskvittering.mottaker."
        #expect(receipt.recipient.organisation.value == (try tree.string(mottaker + "virksomhetsidentifikator.value")))
        #expect(receipt.recipient.recipientIdentifier == tree.optionalString(mottaker + "motakeridentifikator"))
        #expect(receipt.time == (try Timestamp(rfc3339: "2021-04-11T15:29:58.753+02:00")))
    }

    @Test("older samples decode; unknown fields such as a receipt's maskinportentoken are ignored", arguments: [
        ("innbyggerpost_dpi_digital_1_0.json", BusinessMessageType.digital),
        ("innbyggerpost_dpi_utskrift_1_0.json", .utskrift),
        ("innbyggerpost_dpi_lerveringskvittering_1_0.json", .leveringskvittering),
    ])
    func decodesOlderSamples(_ file: String, _ type: BusinessMessageType) throws {
        #expect(try BusinessMessage(jsonData: ExampleFiles.data(file)).type == type)
    }

    @Test("the type is resolved case-insensitively, for the header value and the body key")
    func typeIsCaseInsensitive() throws {
        let original = String(decoding: try ExampleFiles.data("lerveringskvittering_nav_sample.json"), as: UTF8.self)
        let shouting = original
            .replacingOccurrences(of: "\"type\": \"leveringskvittering\"", with: "\"type\": \"LeveringsKvittering\"")
            .replacingOccurrences(of: "\"leveringskvittering\": {", with: "\"Leveringskvittering\": {")
        #expect(shouting != original)
        #expect(try BusinessMessage(jsonData: Data(shouting.utf8)).type == .leveringskvittering)
    }

    @Test("an obsolete type name is an unknown type, not a crash")
    func obsoleteTypeIsUnknown() {
        #expect {
            try BusinessMessage(jsonData: ExampleFiles.data("innbyggerpost_dpi_1_0_nav_sample.json"))
        } throws: { error in
            (error as? DPIError)?.code == .unknownMessageType
                && (error as? DPIError)?.field == "standardBusinessDocumentHeader.documentIdentification.type"
        }
    }

    @Test("broken input gives malformedBusinessMessage naming where", arguments: [
        ("not json", "top level"),
        ("{}", "standardBusinessDocument"),
        ("{\"standardBusinessDocument\":{}}", "standardBusinessDocumentHeader"),
    ])
    func brokenInput(_ text: String, _ place: String) {
        #expect {
            try BusinessMessage(jsonData: Data(text.utf8))
        } throws: { error in
            guard let error = error as? DPIError, error.code == .malformedBusinessMessage else { return false }
            return text == "not json" || error.description.contains(place)
        }
    }

    @Test("a message id that is not a UUID is rejected")
    func messageIdMustBeUUID() throws {
        let original = String(decoding: try ExampleFiles.data("lerveringskvittering_nav_sample.json"), as: UTF8.self)
        let broken = original.replacingOccurrences(of: "ff88849c-e281-4809-8555-7cd54952b916", with: "not-a-uuid")
        #expect(throws: DPIError.self) { try BusinessMessage(jsonData: Data(broken.utf8)) }
    }

    @Test("a receipt whose time is missing or not RFC 3339 is malformed and the error names the field",
          arguments: [("\"tidspunkt\"", "\"tidspunk\""),
                       ("\"tidspunkt\": \"2021-04-11T15:29:58.753+02:00\"", "\"tidspunkt\": \"2021-04-11 15:29\"")])
    func badTimeField(_ text: String, _ replacement: String) throws {
        let original = String(decoding: try ExampleFiles.data("lerveringskvittering_nav_sample.json"), as: UTF8.self)
        let broken = original.replacingOccurrences(of: text, with: replacement)
        #expect(broken != original)
        #expect {
            try BusinessMessage(jsonData: Data(broken.utf8))
        } throws: { error in
            (error as? DPIError)?.description.contains("leveringskvittering.tidspunkt") == true
        }
    }
}
