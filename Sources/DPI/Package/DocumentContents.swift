public import Foundation

/// Where a document's bytes come from when a package is built: memory, or a file that is streamed so a
/// 50 MB attachment is never held whole (spec 7.1: one main document, up to 200 attachments).
public enum DocumentContents: Sendable {
    /// Bytes already in memory.
    case data(Data)
    /// A file read in 1 MiB chunks while it is written into the package.
    case file(URL)
    /// Bytes in memory whose digests were computed once for many letters (`PreparedDocument`).
    case prepared(PreparedDocument)
}
