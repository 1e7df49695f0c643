/// A letter to print, as the pipeline knows it after routing: everything the `utskrift` business message
/// needs apart from the per-sending `Transmission`.
public struct PrintLetter: Hashable, Sendable {
    /// Avsender, optional sender identifier and Databehandler.
    public var sender: LetterSender
    /// The print provider from the print certificate endpoint (`postkasseleverandoerAdresse`), the SBDH receiver.
    public var printProvider: OrganisationNumber
    /// The recipient's postal address.
    public var recipient: PostalAddress
    /// Where undeliverable letters go.
    public var returnAddress: PostalAddress
    /// What happens to undeliverable letters.
    public var returnHandling: PrintMessage.ReturnHandling
    /// Black-and-white or colour.
    public var colour: PrintMessage.Colour
    /// Priority (A) or economy (B); nil leaves it out.
    public var postType: PrintMessage.PostType?
    /// The main document first, then the attachments.
    public var documents: [LetterDocument]

    /// A print letter; black-and-white economy post by default, as in the reference.
    public init(sender: LetterSender, printProvider: OrganisationNumber, recipient: PostalAddress,
                returnAddress: PostalAddress, returnHandling: PrintMessage.ReturnHandling = .directReturn,
                colour: PrintMessage.Colour = .blackAndWhite, postType: PrintMessage.PostType? = .b,
                documents: [LetterDocument]) {
        self.sender = sender
        self.printProvider = printProvider
        self.recipient = recipient
        self.returnAddress = returnAddress
        self.returnHandling = returnHandling
        self.colour = colour
        self.postType = postType
        self.documents = documents
    }
}
