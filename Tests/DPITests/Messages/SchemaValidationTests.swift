import DPI
import Foundation
import Testing

/// Our output checked by Python's jsonschema against the official schemas: an independent implementation.
@Suite("Official JSON schemas accept our output")
struct SchemaValidationTests {
    @Test("digital, utskrift and every receipt type we write validate; broken messages are rejected")
    func schemasAcceptOurMessages() throws {
        let digital = try BusinessMessage.digital(SampleLetters.digital, SampleLetters.transmission)
        var plainDigital = SampleLetters.digital
        plainDigital.notifications = Notifications()
        plainDigital.sender = LetterSender(organisation: try OrganisationNumber("991825827"))
        let print = try BusinessMessage.print(SampleLetters.print, SampleLetters.transmission)
        var norwegianPrint = SampleLetters.print
        norwegianPrint.recipient = .norwegian(name: "Ola", lines: ["Vei 1"], postalCode: "0150", city: "Oslo")
        norwegianPrint.postType = nil

        var valid: [(String, BusinessMessage)] = [
            ("digital", digital),
            ("digital without options", try BusinessMessage.digital(plainDigital, SampleLetters.transmission)),
            ("utskrift", print),
            ("utskrift norwegian", try BusinessMessage.print(norwegianPrint, SampleLetters.transmission)),
        ]
        valid += try replies(to: digital) + replies(to: print)

        var cases = try valid.map { name, message in
            SchemaCheck.Case(name: name, schema: try #require(SchemaCheck.schemaFile[message.type.rawValue]),
                             json: try message.jsonData())
        }
        cases += try brokenCases(digital: digital, print: print)
        let report = try SchemaCheck.errors(cases)

        for (name, _) in valid {
            #expect(report[name] == [], "\(name) should be valid")
        }
        let broken = ["broken: security level 5", "broken: Norwegian address with country",
                      "broken: digital as utskrift"]
        for name in broken {
            #expect(report[name]?.isEmpty == false, "\(name) should be rejected")
        }
    }

    private func replies(to original: BusinessMessage) throws -> [(String, BusinessMessage)] {
        let issuer = try #require(original.receiverOrganisationNumber)
        let receipt = Receipt(answering: original, issuer: issuer, time: SampleLetters.now.adding(seconds: 60))
        let bodies: [BusinessMessage.Body] = [
            .deliveryReceipt(receipt), .openingReceipt(receipt), .receptionReceipt(receipt),
            .returnedMailReceipt(receipt),
            .notificationFailedReceipt(NotificationFailedReceipt(receipt: receipt, channel: .sms)),
            .notificationFailedReceipt(NotificationFailedReceipt(receipt: receipt, channel: .email,
                                                                 explanation: "mailbox full")),
            .error(ErrorMessage(receipt: receipt, kind: .client, details: "bad address")),
            .error(ErrorMessage(receipt: receipt, kind: .server)),
        ]
        return bodies.enumerated().map { index, body in
            ("\(original.type.rawValue) reply \(index) \(body.type.rawValue)",
             BusinessMessage.reply(to: original, with: body, messageId: UUID(), createdAt: SampleLetters.now))
        }
    }

    /// Messages built around validation, each breaking one schema rule, so the check is shown to be able to fail.
    private func brokenCases(digital: BusinessMessage, print: BusinessMessage) throws -> [SchemaCheck.Case] {
        guard case .digital(var body) = digital.body, case .print(var printBody) = print.body else {
            Issue.record("the builders returned bodies of the wrong type")
            return []
        }
        body.securityLevel = 5
        printBody.recipient.postalCode = "0150"
        printBody.recipient.city = "Oslo"
        return [
            SchemaCheck.Case(name: "broken: security level 5", schema: SchemaCheck.schemaFile["digital"]!,
                             json: try BusinessMessage(header: digital.header, body: .digital(body)).jsonData()),
            SchemaCheck.Case(name: "broken: Norwegian address with country",
                             schema: SchemaCheck.schemaFile["utskrift"]!,
                             json: try BusinessMessage(header: print.header, body: .print(printBody)).jsonData()),
            SchemaCheck.Case(name: "broken: digital as utskrift", schema: SchemaCheck.schemaFile["utskrift"]!,
                             json: try digital.jsonData()),
        ]
    }
}
