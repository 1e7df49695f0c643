import Foundation

/// Reads a file for the streaming `ZIPWriter` entries: a file of at most one chunk (1 MiB), as most
/// letters' documents are, whole in one read; a larger one in 1 MiB chunks, so a large attachment is never
/// held whole. (`FileHandle` reads 4 KB per system call whatever it is asked for: nine calls for a 30 KB
/// letter, where `Data(contentsOf:)` makes one.)
final class ZIPFileChunks {
    private static let chunkSize = 1 << 20
    private let url: URL
    /// The open file of a large document; nil once a small one is read whole, or at the end.
    private var handle: FileHandle?
    /// A small document read whole, until `next` hands it out.
    private var whole: Data?

    init(url: URL) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw DPIError(.zipIOFailure, "cannot open a file to add to the archive; check it exists and is readable",
                           details: url.path)
        }
        self.url = url
        do {
            if try handle.seekToEnd() <= UInt64(Self.chunkSize) {
                try? handle.close()
                whole = try Data(contentsOf: url)
            } else {
                try handle.seek(toOffset: 0)
                self.handle = handle
            }
        } catch {
            try? handle.close()
            throw readFailure(error)
        }
    }

    deinit {
        try? handle?.close()
    }

    /// The next chunk, or `nil` at the end of the file.
    func next() throws -> Data? {
        if let chunk = whole {
            whole = nil
            return chunk.isEmpty ? nil : chunk
        }
        guard let handle else { return nil }
        do {
            let chunk = try handle.read(upToCount: Self.chunkSize)
            return chunk?.isEmpty == false ? chunk : nil
        } catch {
            throw readFailure(error)
        }
    }

    private func readFailure(_ error: any Error) -> DPIError {
        DPIError(.zipIOFailure, "cannot read a file being added to the archive", details: "\(url.path): \(error)")
    }
}
