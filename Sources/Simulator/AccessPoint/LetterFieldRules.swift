import DPI
import Foundation

/// The constraints of the JSON schemas (`dpi-reference/schemas`, spec 5, 15 item 2, 17.3) that
/// `BusinessMessage`'s decoder does not enforce: header versions, `standard` and process matching the type,
/// an unexpired `expectedResponseDateTime`, and the value ranges and lengths of the `digital` and `utskrift`
/// fields. Each broken constraint is a rejection whose rule is the field's JSON path.
struct LetterFieldRules {
    /// The access point's time, against which `expectedResponseDateTime` must lie ahead.
    let now: Date

    /// Throws the first broken constraint of `message`.
    func check(_ message: BusinessMessage) throws(LetterRejection) {
        try checkHeader(message)
        switch message.body {
        case .digital(let digital): try checkDigital(digital)
        case .print(let print): try checkPrint(print)
        default: break   // `LetterFields` refuses other types before these checks run
        }
    }

    private static let header = "standardBusinessDocumentHeader"
    private static let identification = header + ".documentIdentification"
    private static let scope = header + ".businessScope.scope[0]"

    /// Versions `1.0`, the `standard` and process identifier of the type (spec 2.4, 5.2), and a delivery
    /// deadline that has not passed (a letter past it would be expired by its sender on arrival).
    private func checkHeader(_ message: BusinessMessage) throws(LetterRejection) {
        let header = message.header
        let type = message.type
        try require(header.headerVersion == "1.0", Self.header + ".headerVersion", "must be 1.0")
        try require(header.documentIdentification.typeVersion == "1.0", Self.identification + ".typeVersion",
                    "must be 1.0")
        try require(header.documentIdentification.standard == type.standard, Self.identification + ".standard",
                    "must be the standard of type \(type.rawValue)")
        let process: BusinessProcess = type == .utskrift ? .print : .digital
        try require(header.conversationScope?.identifier == process.rawValue, Self.scope + ".identifier",
                    "must be the \(type.rawValue) process identifier")
        try require(header.conversationScope?.instanceIdentifier.flatMap(UUID.init(uuidString:)) != nil,
                    Self.scope + ".instanceIdentifier", "the conversation id must be a UUID")
        let deadlines = (header.conversationScope?.scopeInformation ?? []).compactMap(\.expectedResponseDateTime)
        try require(deadlines.allSatisfy { $0.date > now },
                    Self.scope + ".scopeInformation[0].expectedResponseDateTime",
                    "the delivery deadline has already passed")
    }

    /// `digital` (schema `innbyggerpost_dpi_digital_1_0`, `commons.schema.json`).
    private func checkDigital(_ digital: DigitalMessage) throws(LetterRejection) {
        try checkSender(digital.sender, body: "digital")
        try require(!digital.mailboxAddress.isEmpty, "digital.mottaker.postkasseadresse",
                    "a digital letter needs the person's mailbox address")
        try require([3, 4].contains(digital.securityLevel), "digital.sikkerhetsnivaa", "must be 3 or 4")
        try require(digital.language.count == 2 && digital.language.allSatisfy { $0.isASCII && $0.isLetter },
                    "digital.spraak", "must be a two-letter language code")
        try require((1...255).contains(digital.nonSensitiveTitle.count), "digital.ikkesensitivtittel",
                    "must be 1 to 255 characters")
        if let email = digital.notifications?.email {
            let field = "digital.varsler.epostvarsel"
            try require(email.address.contains("@"), field + ".epostadresse", "must be an e-mail address")
            try require((1...500).contains(email.text.count), field + ".varslingstekst", "must be 1 to 500 characters")
            try checkRepetitions(email.repetitions, field: field + ".repetisjoner")
        }
        if let sms = digital.notifications?.sms {
            let field = "digital.varsler.smsvarsel"
            let number = sms.phoneNumber.drop { $0 == "+" }
            try require((8...20).contains(sms.phoneNumber.count) && sms.phoneNumber.filter({ $0 == "+" }).count <= 1
                            && !number.isEmpty && number.allSatisfy({ "- _0123456789".contains($0) }),
                        field + ".mobiltelefonnummer", "must be 8 to 20 of + (first), digits, space, - and _")
            try require((1...160).contains(sms.text.count), field + ".varslingstekst", "must be 1 to 160 characters")
            try checkRepetitions(sms.repetitions, field: field + ".repetisjoner")
        }
    }

    /// `utskrift`: both addresses complete (schema `adresseInformasjon`).
    private func checkPrint(_ print: PrintMessage) throws(LetterRejection) {
        try checkSender(print.sender, body: "utskrift")
        try checkAddress(print.recipient, field: "utskrift.mottaker")
        try checkAddress(print.returnAddress, field: "utskrift.retur.mottaker")
    }

    /// `fakturaReferanse` at most 40 characters.
    private func checkSender(_ sender: MessageSender, body: String) throws(LetterRejection) {
        try require((sender.invoiceReference?.count ?? 0) <= 40, body + ".avsender.fakturaReferanse",
                    "must be at most 40 characters")
    }

    /// 1 to 10 days, each 0 to 25.
    private func checkRepetitions(_ days: [Int], field: String) throws(LetterRejection) {
        try require((1...10).contains(days.count) && days.allSatisfy { (0...25).contains($0) }, field,
                    "must be 1 to 10 days, each 0 to 25")
    }

    /// Exactly one of the schema's forms: Norwegian (`navn`, `adresselinje1`, a four-digit `postnummer`,
    /// `poststed`) or foreign (`navn`, `adresselinje1` and exactly one of `land` / `landkode`); lines at most
    /// 100 characters, `poststed` and `land` at most 80, `landkode` two letters.
    private func checkAddress(_ address: PostalAddress, field: String) throws(LetterRejection) {
        let named = !address.name.isEmpty && !address.lines.isEmpty
        let norwegian = named && address.postalCode != nil && address.city != nil
        let foreign = named && ((address.country != nil) != (address.countryCode != nil))
        try require(norwegian != foreign, field, "must be complete: navn, adresselinje1 and either postnummer and "
                        + "poststed, or exactly one of land and landkode")
        try require(address.lines.allSatisfy { $0.count <= 100 }, field + ".adresselinjeN",
                    "must be at most 100 characters")
        try require(address.postalCode.map { $0.count == 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
                        ?? true, field + ".postnummer", "must be four digits")
        try require((address.city?.count ?? 0) <= 80, field + ".poststed", "must be at most 80 characters")
        try require((address.country?.count ?? 0) <= 80, field + ".land", "must be at most 80 characters")
        try require(address.countryCode.map { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } } ?? true,
                    field + ".landkode", "must be two letters")
    }

    /// Throws a rejection whose rule is `field` unless `condition` holds.
    private func require(_ condition: Bool, _ field: String, _ detail: String) throws(LetterRejection) {
        guard condition else { throw LetterRejection(rule: field, detail: "\(field) \(detail)") }
    }
}
