import DPI
import Foundation

extension PipelineDefinition {
    /// Checks the letter with DPI's own `LetterValidation`, on a stand-in letter built from the
    /// definition, and reports each finding under the pipeline field it comes from. Fields the
    /// pipeline's own checks already faulted are not reported twice.
    func checkLetter(documents: [LetterDocument], now: Date, _ problems: inout ProblemList) {
        problems.require(!letter.title.isEmpty, "letter.title", "required")
        problems.require(!letter.nonSensitiveTitle.isEmpty, "letter.nonSensitiveTitle", "required")
        problems.require([3, 4].contains(letter.securityLevel), "letter.securityLevel", "must be 3 or 4")
        var effectiveTime: Timestamp?
        if let text = letter.effectiveAt {
            effectiveTime = try? Timestamp(rfc3339: text)
            problems.require(effectiveTime != nil, "letter.effectiveAt",
                             "must be an RFC 3339 date-time such as 2027-03-01T08:00:00+01:00")
        }
        guard let standIn = Self.standInOrganisation else { return }
        let notifications = letter.notifications
        let digital = DigitalLetter(
            sender: LetterSender(organisation: standIn, senderIdentifier: sender.avsenderidentifikator),
            mailboxProvider: standIn, mailboxAddress: "stand-in", nonSensitiveTitle: letter.nonSensitiveTitle,
            language: letter.language, securityLevel: letter.securityLevel,
            requestsOpeningReceipt: letter.openingReceipt, effectiveTime: effectiveTime,
            notifications: Notifications(
                email: notifications.email.map {
                    EmailNotification(address: "stand-in@example.invalid", text: $0,
                                      repetitions: notifications.repetitions)
                },
                sms: notifications.sms.map {
                    SMSNotification(phoneNumber: "+4799999999", text: $0, repetitions: notifications.repetitions)
                }),
            emailContactVerifiedAt: now, mobileContactVerifiedAt: now, documents: documents)
        report(LetterValidation().errors(in: digital, now: now), &problems)
    }

    /// Checks print: a complete return address (spec 5.4) and, because print takes PDF only (spec 18),
    /// PDF documents — when print is enabled.
    func checkPrint(documents: [LetterDocument], _ problems: inout ProblemList) {
        guard print.enabled else { return }
        guard let address = print.returnAddress else {
            problems.add("print.returnAddress", "required when print.enabled is true")
            return
        }
        let field = "print.returnAddress"
        problems.require(!address.name.isEmpty, field + ".name", "required when print.enabled is true")
        problems.require(!address.addressLines.isEmpty, field + ".addressLines", "required when print.enabled is true")
        if address.countryCode == nil {
            problems.require(address.postalCode != nil, field + ".postalCode", "required when print.enabled is true")
            problems.require(address.city != nil, field + ".city", "required when print.enabled is true")
        }
        for (index, document) in documents.enumerated() where !DocumentTypes.print.contains(document.mimeType) {
            let documentField = index == 0 ? "letter.document" : "letter.attachments[\(index - 1)].document"
            problems.add(documentField, "print accepts PDF only (\(document.mimeType) given); use a PDF or set "
                + "print.enabled to false")
        }
        guard let standIn = Self.standInOrganisation else { return }
        let standInRecipient = PostalAddress.norwegian(name: "Stand-in", lines: ["Stand-in 1"], postalCode: "0001",
                                                       city: "OSLO")
        let printLetter = PrintLetter(sender: LetterSender(organisation: standIn), printProvider: standIn,
                                      recipient: standInRecipient, returnAddress: address.postalAddress,
                                      documents: documents)
        let returnErrors = LetterValidation().errors(in: printLetter).filter { $0.field?.hasPrefix("retur.") == true }
        report(returnErrors, &problems)
    }

    /// Adds DPI's findings under pipeline field names, skipping fields with a problem of their own.
    private func report(_ errors: [DPIError], _ problems: inout ProblemList) {
        for error in errors {
            guard let field = error.field.flatMap(Self.pipelineField(forLetterField:)),
                  !problems.hasProblem(at: field)
            else { continue }
            problems.add(field, error.message)
        }
    }

    /// The pipeline field a `LetterValidation` field stands for; nil for the stand-in parts.
    static func pipelineField(forLetterField field: String) -> String? {
        let fixed = [
            "avsender.avsenderidentifikator": "sender.avsenderidentifikator",
            "ikkesensitivtittel": "letter.nonSensitiveTitle", "spraak": "letter.language",
            "sikkerhetsnivaa": "letter.securityLevel", "virkningstidspunkt": "letter.effectiveAt",
            "varsler.epostvarsel.varslingstekst": "letter.notifications.email",
            "varsler.smsvarsel.varslingstekst": "letter.notifications.sms",
            "varsler.epostvarsel.repetisjoner": "letter.notifications.repetitions",
            "varsler.smsvarsel.repetisjoner": "letter.notifications.repetitions",
            "documents": "letter.attachments",
            "retur.mottaker.navn": "print.returnAddress.name",
            "retur.mottaker.postnummer": "print.returnAddress.postalCode",
            "retur.mottaker.poststed": "print.returnAddress.city",
            "retur.mottaker.land": "print.returnAddress.countryCode",
            "retur.mottaker.landkode": "print.returnAddress.countryCode",
        ]
        if let mapped = fixed[field] { return mapped }
        if field.hasPrefix("retur.mottaker.adresselinje") { return "print.returnAddress.addressLines" }
        return documentField(field)
    }

    /// `documents[0].title` → `letter.title`, `documents[2].fileName` → `letter.attachments[1].document`.
    private static func documentField(_ field: String) -> String? {
        guard field.hasPrefix("documents["), let close = field.firstIndex(of: "]"),
              let index = Int(field[field.index(field.startIndex, offsetBy: 10)..<close])
        else { return nil }
        let property = field[field.index(after: close)...]
        if index == 0 { return property == ".title" ? "letter.title" : "letter.document" }
        let attachment = "letter.attachments[\(index - 1)]"
        switch property {
        case ".title": return attachment + ".title"
        case ".mimeType": return attachment + ".mimeType"
        default: return attachment + ".document"
        }
    }

    /// A valid organisation number standing in for the parts of a letter that come from KRR.
    private static let standInOrganisation = try? OrganisationNumber("974761076")
}
