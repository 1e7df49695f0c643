/// A document of a letter as far as validation needs it: the file name in the package, its MIME type,
/// its title and its size (the content itself is packed elsewhere).
public struct LetterDocument: Hashable, Sendable {
    /// The file name inside the ASiC-E package (`href`): 4–100 characters of `A–Z a–z 0–9 . _ -`, unique.
    public var fileName: String
    /// The MIME type (`mime`); must be one DPI allows (spec 7.5).
    public var mimeType: String
    /// The title shown after login (`tittel`, 1–255 characters; may be sensitive).
    public var title: String?
    /// The size of the document in bytes.
    public var byteCount: Int

    /// A document description.
    public init(fileName: String, mimeType: String, title: String? = nil, byteCount: Int) {
        self.fileName = fileName
        self.mimeType = mimeType
        self.title = title
        self.byteCount = byteCount
    }
}
