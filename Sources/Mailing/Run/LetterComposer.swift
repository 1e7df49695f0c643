import DPI
import Foundation
import Routing

/// Makes the letter for one recipient from the job's `LetterTemplate` and the recipient's route: the
/// documents (a row's own main document replacing the template's), the notifications with KRR's contact
/// details, the print address from the row. A row whose document cannot be used gets a `LetterProblem`
/// naming it, which makes the letter unreachable — the job goes on.
struct LetterComposer: Sendable {
    let template: LetterTemplate
    /// Resolves a row's `document_path` (relative to the pipeline file's folder).
    let resolve: @Sendable (String) -> URL
    /// The MIME type for a file name, nil when the extension is not one DPI allows.
    let mimeType: @Sendable (String) -> String?
    /// The template's documents, read once for the whole run.
    let shared: SharedDocuments

    /// The documents of a letter in package order and where their bytes are: the template's from
    /// `shared`, a row's own main document (`ownDocumentPath`) from its file.
    func documents(ownDocumentPath: String?) throws(LetterProblem) -> ([LetterDocument], [DocumentContents]) {
        var main = template.document
        var mainIsOwn = false
        if let path = ownDocumentPath, !path.isEmpty {
            let file = resolve(path)
            guard let type = mimeType(file.lastPathComponent) else {
                let suffix = file.pathExtension.isEmpty ? "no extension" : "." + file.pathExtension
                throw LetterProblem("document_path: unsupported document type (\(suffix))")
            }
            main = LetterTemplate.Document(file: file, mimeType: type, title: template.title)
            mainIsOwn = true
        }
        guard let main else {
            throw LetterProblem("document_path: the row has no document and the pipeline names no letter.document")
        }
        var described: [LetterDocument] = []
        var contents: [DocumentContents] = []
        for (index, document) in ([main] + template.attachments).enumerated() {
            let field = index == 0 ? "document" : "attachments[\(index - 1)]"
            let title = index == 0 ? template.title : document.title
            let fileName = document.file.lastPathComponent
            if !(index == 0 && mainIsOwn), let prepared = shared.document(at: document.file) {
                described.append(LetterDocument(fileName: fileName, mimeType: document.mimeType, title: title,
                                                byteCount: prepared.data.count))
                contents.append(.prepared(prepared))
                continue
            }
            guard let size = DocumentFile.byteCount(of: document.file) else {
                throw LetterProblem("\(field): document not found: \(fileName)")
            }
            described.append(LetterDocument(fileName: fileName, mimeType: document.mimeType, title: title,
                                            byteCount: size))
            contents.append(.file(document.file))
        }
        return (described, contents)
    }

    /// The digital letter to `route`'s mailbox.
    func digital(_ letter: ClaimedLetter, route: DigitalRoute, documents: [LetterDocument]) -> DigitalLetter {
        let email = zip(route.email, template.emailText).map { EmailNotification(address: $0, text: $1) }
        let sms = zip(route.mobile, template.smsText).map { SMSNotification(phoneNumber: $0, text: $1) }
        return DigitalLetter(
            sender: template.sender, mailboxProvider: route.provider, mailboxAddress: route.mailboxAddress,
            nonSensitiveTitle: template.nonSensitiveTitle, language: template.language,
            securityLevel: template.securityLevel, requestsOpeningReceipt: template.requestsOpeningReceipt,
            effectiveTime: template.effectiveAt.map { Timestamp($0) },
            notifications: Notifications(email: email, sms: sms), emailContactVerifiedAt: route.emailConfirmedAt,
            mobileContactVerifiedAt: route.mobileConfirmedAt, documents: documents)
    }

    /// The print letter to `letter`'s postal address, or nil when print is disabled.
    func print(_ letter: ClaimedLetter, provider: OrganisationNumber, documents: [LetterDocument]) -> PrintLetter? {
        guard let print = template.print else { return nil }
        let country = letter.countryCode?.uppercased()
        let foreign = country != nil && country != "NO"
        let address = PostalAddress(name: letter.name ?? "", lines: letter.addressLines,
                                    postalCode: foreign ? nil : letter.postalCode, city: foreign ? nil : letter.city,
                                    countryCode: foreign ? country : nil)
        return PrintLetter(sender: template.sender, printProvider: provider, recipient: address,
                           returnAddress: print.returnAddress, returnHandling: print.returnHandling,
                           colour: print.colour, postType: print.postType, documents: documents)
    }
}

/// Why one letter cannot be built; the message names the field and is safe to store in `dpi.delivery.error`.
struct LetterProblem: Error, Sendable, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
