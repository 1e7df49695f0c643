/// The SDP manifest (`manifest.xml` at the root of the ASiC-E package, spec 7.2): who sends, to which
/// mailbox, and which file is the main document and which are attachments, with their titles.
///
/// Built from typed values and written exactly as the reference sender writes it (see `xml()`), so that the
/// official examples are reproduced byte for byte and the result validates against `sdp-manifest.xsd`.
public struct SDPManifest: Sendable, Equatable {
    /// The legal sender: `avsender` (spec 7.2). Values must equal those of the business message's `avsender`.
    public struct Sender: Sendable, Equatable {
        /// The sender organisation as an ISO 6523 identifier, `0192:` followed by the 9-digit org number.
        public var organisation: String
        /// `avsenderidentifikator`: which of the organisation's sender identities sends (≤ 100 characters).
        public var senderIdentifier: String?
        /// `fakturaReferanse`: the sender's invoice reference (≤ 40 characters).
        public var invoiceReference: String?

        /// A sender; `organisation` is `0192:<org number>`.
        public init(organisation: String, senderIdentifier: String? = nil, invoiceReference: String? = nil) {
            self.organisation = organisation
            self.senderIdentifier = senderIdentifier
            self.invoiceReference = invoiceReference
        }
    }

    /// A document title with its ISO 639-1 language code (`tittel lang="no"`); may be sensitive text.
    public struct Title: Sendable, Equatable {
        /// The title, 1 to 255 characters.
        public var text: String
        /// Two-letter language code; the examples use `no` and `NO`, lowercase is recommended.
        public var language: String

        /// A title in `language`.
        public init(_ text: String, language: String) {
            self.text = text
            self.language = language
        }
    }

    /// A file in the package, named by `href` and typed by `mime`: a document or an extension data file.
    public struct File: Sendable, Equatable {
        /// The file's name in the ZIP (4 to 100 characters).
        public var href: String
        /// Its MIME type (spec 7.5), 1 to 100 characters.
        public var mimeType: String

        /// A file named `href` of type `mimeType`.
        public init(href: String, mimeType: String) {
            self.href = href
            self.mimeType = mimeType
        }
    }

    /// The main document or an attachment: its file, an optional title, and optional extension `data`
    /// (an XML file that enriches the document in the mailbox, spec 7.5).
    public struct Document: Sendable, Equatable {
        /// The document file.
        public var file: File
        /// The title shown to the recipient after login.
        public var title: Title?
        /// An extension data file attached to this document.
        public var data: File?

        /// A document of `file`, with optional title and extension data.
        public init(_ file: File, title: Title? = nil, data: File? = nil) {
            self.file = file
            self.title = title
            self.data = data
        }
    }

    /// `mottaker/person/postkasseadresse` for digital post; nil for print, where `mottaker` is left out.
    public var mailboxAddress: String?
    /// The legal sender.
    public var sender: Sender
    /// `hoveddokument`.
    public var mainDocument: Document
    /// `vedlegg`, 0 to 200, in the order the recipient sees them.
    public var attachments: [Document]

    /// The largest number of attachments the schema and the mailboxes accept.
    public static let maximumAttachments = 200

    /// A manifest; call `xml()` to validate and serialise it.
    public init(mailboxAddress: String?, sender: Sender, mainDocument: Document, attachments: [Document] = []) {
        self.mailboxAddress = mailboxAddress
        self.sender = sender
        self.mainDocument = mainDocument
        self.attachments = attachments
    }

    /// Every file the manifest names, in package order: the main document, its data file, then each
    /// attachment followed by its data file. `manifest.xml` itself is not included.
    public var files: [File] {
        var files: [File] = []
        files.reserveCapacity(2 * (1 + attachments.count))
        files.append(filesOf: mainDocument)
        for attachment in attachments {
            files.append(filesOf: attachment)
        }
        return files
    }
}

extension [SDPManifest.File] {
    /// Appends `document`'s file and then its data file, if any.
    fileprivate mutating func append(filesOf document: SDPManifest.Document) {
        append(document.file)
        if let data = document.data { append(data) }
    }
}
