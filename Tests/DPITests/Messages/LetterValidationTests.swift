import DPI
import Foundation
import Testing

@Suite("Letter validation names the field at fault")
struct LetterValidationTests {
    struct DigitalCase: CustomTestStringConvertible, Sendable {
        let field: String
        let change: @Sendable (inout DigitalLetter) -> Void
        var testDescription: String { field }
    }

    static let digitalCases: [DigitalCase] = [
        DigitalCase(field: "avsender.avsenderidentifikator") { $0.sender.senderIdentifier = long(101) },
        DigitalCase(field: "avsender.fakturaReferanse") { $0.sender.invoiceReference = long(41) },
        DigitalCase(field: "mottaker.postkasseadresse") { $0.mailboxAddress = "" },
        DigitalCase(field: "mottaker.postkasseadresse") { $0.mailboxAddress = " ola.nordmann#8HC7" },
        DigitalCase(field: "mottaker.postkasseadresse") { $0.mailboxAddress = "ola.nordmann#8HC7\r\n" },
        DigitalCase(field: "mottaker.postkasseadresse") { $0.mailboxAddress = "\u{A0}ola.nordmann#8HC7" },
        DigitalCase(field: "mottaker.postkasseadresse") { $0.mailboxAddress = "ola.nordmann#8HC7\u{3000}" },
        DigitalCase(field: "ikkesensitivtittel") { $0.nonSensitiveTitle = "" },
        DigitalCase(field: "ikkesensitivtittel") { $0.nonSensitiveTitle = String(repeating: "å", count: 256) },
        DigitalCase(field: "spraak") { $0.language = "nor" },
        DigitalCase(field: "spraak") { $0.language = "n1" },
        DigitalCase(field: "sikkerhetsnivaa") { $0.securityLevel = 2 },
        DigitalCase(field: "virkningstidspunkt") { $0.effectiveTime = SampleLetters.now.adding(seconds: 400 * 86_400) },
        DigitalCase(field: "varsler.epostvarsel.epostadresse") { $0.notifications.email?.address = "ola.example.no" },
        DigitalCase(field: "varsler.epostvarsel.varslingstekst") {
            $0.notifications.email?.text = long(501)
        },
        DigitalCase(field: "varsler.epostvarsel.repetisjoner") { $0.notifications.email?.repetitions = [0, 7, 7] },
        DigitalCase(field: "varsler.epostvarsel.repetisjoner") { $0.notifications.email?.repetitions = [26] },
        DigitalCase(field: "varsler.epostvarsel.repetisjoner") { $0.notifications.email?.repetitions = [] },
        DigitalCase(field: "varsler.epostvarsel") {
            $0.emailContactVerifiedAt = SampleLetters.now.date.addingTimeInterval(-19 * 31 * 86_400)
        },
        DigitalCase(field: "varsler.epostvarsel") { $0.emailContactVerifiedAt = nil },
        DigitalCase(field: "varsler.smsvarsel.mobiltelefonnummer") { $0.notifications.sms?.phoneNumber = "99 99" },
        DigitalCase(field: "varsler.smsvarsel.mobiltelefonnummer") { $0.notifications.sms?.phoneNumber = "99+999999" },
        DigitalCase(field: "varsler.smsvarsel.varslingstekst") { $0.notifications.sms?.text = long(161) },
        DigitalCase(field: "varsler.smsvarsel") {
            $0.mobileContactVerifiedAt = SampleLetters.now.date.addingTimeInterval(-600 * 86_400)
        },
        DigitalCase(field: "documents") { $0.documents = [] },
        DigitalCase(field: "documents") {
            $0.documents = (0...201).map {
                LetterDocument(fileName: "doc\($0).pdf", mimeType: "application/pdf", byteCount: 1)
            }
        },
        DigitalCase(field: "documents") { $0.documents[0].byteCount = 50_000_000 },
        DigitalCase(field: "documents[1].fileName") { $0.documents[1].fileName = "VEDTAK.pdf" },
        DigitalCase(field: "documents[1].fileName") { $0.documents[1].fileName = "vedlegg 1.pdf" },
        DigitalCase(field: "documents[1].fileName") { $0.documents[1].fileName = "../x.pdf" },
        DigitalCase(field: "documents[1].fileName") { $0.documents[1].fileName = "a.b" },
        DigitalCase(field: "documents[0].mimeType") { $0.documents[0].mimeType = "application/x-msdownload" },
        DigitalCase(field: "documents[1].mimeType") { $0.documents[1].mimeType = "application/ehf+xml" },
        DigitalCase(field: "documents[0].title") { $0.documents[0].title = "" },
        DigitalCase(field: "documents[1].byteCount") { $0.documents[1].byteCount = 0 },
    ]

    private static func long(_ count: Int) -> String { String(repeating: "x", count: count) }

    @Test("the sample digital letter is valid")
    func sampleDigitalIsValid() {
        #expect(LetterValidation().errors(in: SampleLetters.digital, now: SampleLetters.now.date).isEmpty)
    }

    @Test("a digital letter breaking one rule gives exactly that field", arguments: digitalCases)
    func digitalErrorNamesField(_ testCase: DigitalCase) {
        var letter = SampleLetters.digital
        testCase.change(&letter)
        let errors = LetterValidation().errors(in: letter, now: SampleLetters.now.date)
        #expect(errors.map(\.field) == [testCase.field], "\(errors)")
        #expect(errors.allSatisfy { $0.code == .invalidLetter && $0.disposition == .reject })
    }

    struct PrintCase: CustomTestStringConvertible, Sendable {
        let field: String
        let change: @Sendable (inout PrintLetter) -> Void
        var testDescription: String { field }
    }

    static let printCases: [PrintCase] = [
        PrintCase(field: "mottaker.navn") { $0.recipient.name = " " },
        PrintCase(field: "mottaker.adresselinje1") { $0.recipient.lines = [] },
        PrintCase(field: "mottaker.adresselinje1") { $0.recipient.lines = ["1", "2", "3", "4", "5"] },
        PrintCase(field: "mottaker.adresselinje1") { $0.recipient.lines[0] = "" },
        PrintCase(field: "mottaker.adresselinje2") { $0.recipient.lines[1] = String(repeating: "x", count: 101) },
        PrintCase(field: "mottaker.land") { $0.recipient.countryCode = nil },
        PrintCase(field: "mottaker.land") { $0.recipient.country = "Tyskland" },
        PrintCase(field: "mottaker.landkode") { $0.recipient.countryCode = "DEU" },
        PrintCase(field: "retur.mottaker.postnummer") {
            $0.returnAddress = .norwegian(name: "Kommunen", lines: ["Box 1"], postalCode: "150", city: "Oslo")
        },
        PrintCase(field: "retur.mottaker.poststed") {
            $0.returnAddress = .norwegian(name: "Kommunen", lines: ["Box 1"], postalCode: "0150", city: "")
        },
        PrintCase(field: "retur.mottaker.land") {
            $0.returnAddress = PostalAddress(name: "K", lines: ["Box 1"], postalCode: "0150", city: "Oslo",
                                             country: "Norge")
        },
        PrintCase(field: "documents[0].mimeType") { $0.documents[0].mimeType = "text/html" },
    ]

    @Test("the sample print letter is valid")
    func samplePrintIsValid() {
        #expect(LetterValidation().errors(in: SampleLetters.print).isEmpty)
    }

    @Test("a print letter breaking one rule gives exactly that field", arguments: printCases)
    func printErrorNamesField(_ testCase: PrintCase) {
        var letter = SampleLetters.print
        testCase.change(&letter)
        let errors = LetterValidation().errors(in: letter)
        #expect(errors.map(\.field) == [testCase.field], "\(errors)")
    }

    @Test("all errors are reported together, and the builder throws the first")
    func allErrorsAndFirst() {
        var letter = SampleLetters.digital
        letter.language = "nor"
        letter.securityLevel = 5
        #expect(LetterValidation().errors(in: letter, now: SampleLetters.now.date).map(\.field)
            == ["spraak", "sikkerhetsnivaa"])
        #expect {
            try BusinessMessage.digital(letter, SampleLetters.transmission)
        } throws: { error in
            (error as? DPIError)?.field == "spraak"
        }
    }

    @Test("error descriptions name the field but never the notification contact or text")
    func descriptionsAreLogSafe() {
        var letter = SampleLetters.digital
        letter.notifications.email?.address = "ola.example.no"
        letter.notifications.sms?.text = String(repeating: "hemmelig ", count: 20)
        let errors = LetterValidation().errors(in: letter, now: SampleLetters.now.date)
        #expect(errors.count == 2)
        for error in errors {
            #expect(!error.description.contains("ola.example.no"))
            #expect(!error.description.contains("hemmelig"))
            #expect(error.description.contains(error.field ?? "?"))
        }
    }
}
