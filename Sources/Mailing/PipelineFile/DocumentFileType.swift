public import Foundation

/// The MIME type of a document file from its extension, as spec 7.5 lists them: what the pipeline's
/// documents and a recipient's `document_path` are sent as.
public enum DocumentFileType {
    /// Extension (lower case) → MIME type, spec 7.5; `htm` and `jpg` are common spellings of two of them.
    public static let mimeTypes: [String: String] = [
        "pdf": "application/pdf", "html": "text/html", "htm": "text/html", "xml": "application/ehf+xml",
        "txt": "text/plain", "odf": "application/vnd.oasis.opendocument.formula",
        "odt": "application/vnd.oasis.opendocument.text", "fods": "application/vnd.oasis.opendocument.spreadsheet",
        "fodp": "application/vnd.oasis.opendocument.presentation",
        "fodg": "application/vnd.oasis.opendocument.graphics", "gif": "image/gif", "jpeg": "image/jpeg",
        "jpg": "image/jpeg", "png": "image/png", "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "zip": "application/octet-stream",
    ]

    /// The MIME type for `file`'s extension, or nil when DPI does not accept that extension.
    public static func mimeType(of file: URL) -> String? {
        mimeTypes[file.pathExtension.lowercased()]
    }

    /// Why `file` cannot be sent, or nil when it is a regular file of an accepted type (any extension
    /// when `typeGiven`, the MIME type being named explicitly); used for the pipeline's documents and a
    /// recipient's `document_path`.
    static func problem(with file: URL, typeGiven: Bool = false) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
            return "file not found: \(file.path)"
        }
        guard !isDirectory.boolValue else { return "is a folder, not a file: \(file.path)" }
        guard typeGiven || mimeType(of: file) != nil else {
            let allowed = mimeTypes.keys.sorted().joined(separator: ", ")
            return "unsupported file type '.\(file.pathExtension)' (allowed: \(allowed))"
        }
        return nil
    }
}
