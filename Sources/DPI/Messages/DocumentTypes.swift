/// The MIME types DPI accepts for documents (spec 7.5).
public enum DocumentTypes {
    /// EHF invoices: allowed only as the main document, one per letter.
    public static let ehf = "application/ehf+xml"

    /// Every type a digital mailbox accepts, including the extension data types.
    public static let digital: Set<String> = [
        "application/pdf", "text/html", ehf, "text/plain",
        "application/vnd.oasis.opendocument.formula", "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.presentation",
        "application/vnd.oasis.opendocument.graphics", "image/gif", "image/jpeg", "image/png", "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/octet-stream",
        "application/vnd.difi.dpi.lenke+xml", "application/vnd.difi.dpi.bevis+xml",
        "application/vnd.difi.dpi.arrangement+xml",
    ]

    /// Print formats are not documented (spec 18.18); the official print example uses PDF, so we send only PDF.
    public static let print: Set<String> = ["application/pdf"]
}
