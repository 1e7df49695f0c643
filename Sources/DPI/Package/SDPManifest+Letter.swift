extension SDPManifest {
    /// The manifest of a digital letter (spec 7.2): its mailbox address, its Avsender (the same values as
    /// the business message's `avsender`) and its documents titled in the letter's language.
    init(_ letter: DigitalLetter) {
        self.init(mailboxAddress: letter.mailboxAddress, sender: letter.sender, documents: letter.documents,
                  language: letter.language)
    }

    /// The manifest of a print letter: no `mottaker` (the examples leave it out), titles in Norwegian.
    init(_ letter: PrintLetter) {
        self.init(mailboxAddress: nil, sender: letter.sender, documents: letter.documents, language: "no")
    }

    private init(mailboxAddress: String?, sender: LetterSender, documents: [LetterDocument], language: String) {
        let described = documents.map { document in
            Document(File(href: document.fileName, mimeType: document.mimeType),
                     title: document.title.map { Title($0, language: language) })
        }
        self.init(mailboxAddress: mailboxAddress,
                  sender: Sender(organisation: OrganisationNumber.icd + ":" + sender.organisation.rawValue,
                                 senderIdentifier: sender.senderIdentifier, invoiceReference: sender.invoiceReference),
                  mainDocument: described.first ?? Document(File(href: "", mimeType: "")),
                  attachments: Array(described.dropFirst()))
    }
}
