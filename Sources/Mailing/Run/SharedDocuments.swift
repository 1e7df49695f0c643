import DPI
import Foundation
import Synchronization

/// The pipeline's own documents (`letter.document`, `letter.attachments`), read and digested once per run
/// and shared by every letter that carries them, instead of being read from disk and hashed for each
/// letter. Files larger than `sizeLimit` stay streamed from disk per letter, so a run does not hold a large
/// attachment for its whole length; a file that cannot be read is not kept, and each letter meets the
/// problem itself (it becomes unreachable, naming the file).
final class SharedDocuments: Sendable {
    /// The largest file kept in memory.
    let sizeLimit: Int
    private let prepared = Mutex<[URL: PreparedDocument]>([:])

    /// An empty cache keeping files of up to `sizeLimit` bytes (default 16 MiB).
    init(sizeLimit: Int = 16 << 20) {
        self.sizeLimit = sizeLimit
    }

    /// The document in `file`, read and digested on first use; nil when the file is larger than `sizeLimit`
    /// or cannot be read. Later changes to the file do not reach letters built from the kept copy.
    func document(at file: URL) -> PreparedDocument? {
        if let known = prepared.withLock({ $0[file] }) { return known }
        guard let size = DocumentFile.byteCount(of: file), size <= sizeLimit, let data = try? Data(contentsOf: file)
        else { return nil }
        // Two workers starting together may both read the file; the first copy kept is the one used after.
        return prepared.withLock { documents in
            if let kept = documents[file] { return kept }
            let document = PreparedDocument(data)
            documents[file] = document
            return document
        }
    }
}
