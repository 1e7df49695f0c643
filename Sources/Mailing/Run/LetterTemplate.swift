public import DPI
public import Foundation

/// Everything one kind of mailing gives each of its letters: the pipeline definition in the DPI module's
/// terms. `LetterComposer` fills in the recipient and the route.
public struct LetterTemplate: Sendable, Equatable {
    /// One document of the letter, read from a file when the package is built.
    public struct Document: Sendable, Equatable {
        /// The file with the bytes.
        public var file: URL
        /// The MIME type (from the file's extension).
        public var mimeType: String
        /// The document's title, if any.
        public var title: String?

        /// A document from `file`.
        public init(file: URL, mimeType: String, title: String? = nil) {
            self.file = file
            self.mimeType = mimeType
            self.title = title
        }
    }

    /// Print settings; nil when print is disabled (citizens who cannot get digital post are unreachable).
    public struct Print: Sendable, Equatable {
        /// Where returned mail goes.
        public var returnAddress: PostalAddress
        /// What the print provider does with returned mail.
        public var returnHandling: PrintMessage.ReturnHandling
        /// Black and white or colour.
        public var colour: PrintMessage.Colour
        /// A or B post.
        public var postType: PrintMessage.PostType?

        /// Print settings.
        public init(returnAddress: PostalAddress, returnHandling: PrintMessage.ReturnHandling,
                    colour: PrintMessage.Colour, postType: PrintMessage.PostType?) {
            self.returnAddress = returnAddress
            self.returnHandling = returnHandling
            self.colour = colour
            self.postType = postType
        }
    }

    /// The Avsender (and Databehandler when sending on another's behalf).
    public var sender: LetterSender
    /// The title shown before the citizen logs in.
    public var nonSensitiveTitle: String
    /// The main document's title.
    public var title: String
    /// ISO 639-1 language code.
    public var language: String
    /// 3 or 4.
    public var securityLevel: Int
    /// Whether an opening receipt is asked for.
    public var requestsOpeningReceipt: Bool
    /// When the letter becomes visible, if later than delivery.
    public var effectiveAt: Date?
    /// The e-mail notification text, if any.
    public var emailText: String?
    /// The SMS notification text, if any.
    public var smsText: String?
    /// The main document (a recipient row's `document_path` replaces it); nil when every row brings its own.
    public var document: Document?
    /// The attachments, in order.
    public var attachments: [Document]
    /// Print settings, nil when print is disabled.
    public var print: Print?
    /// How long the access point and providers have to deliver (`expectedResponseDateTime`, spec 5.2).
    public var expectedResponseTime: TimeInterval

    /// A template.
    public init(sender: LetterSender, nonSensitiveTitle: String, title: String, language: String,
                securityLevel: Int, requestsOpeningReceipt: Bool = false, effectiveAt: Date? = nil,
                emailText: String? = nil, smsText: String? = nil, document: Document?, attachments: [Document] = [],
                print: Print?, expectedResponseTime: TimeInterval = 24 * 3600) {
        self.sender = sender
        self.nonSensitiveTitle = nonSensitiveTitle
        self.title = title
        self.language = language
        self.securityLevel = securityLevel
        self.requestsOpeningReceipt = requestsOpeningReceipt
        self.effectiveAt = effectiveAt
        self.emailText = emailText
        self.smsText = smsText
        self.document = document
        self.attachments = attachments
        self.print = print
        self.expectedResponseTime = expectedResponseTime
    }
}
