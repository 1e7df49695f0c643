import Foundation

/// Reads a file in 1 MiB chunks for the streaming `ZIPWriter` entries.
final class ZIPFileChunks {
    private let handle: FileHandle
    private let url: URL

    init(url: URL) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw DPIError(.zipIOFailure, "cannot open a file to add to the archive; check it exists and is readable",
                           details: url.path)
        }
        self.handle = handle
        self.url = url
    }

    deinit {
        try? handle.close()
    }

    /// The next chunk, or `nil` at the end of the file.
    func next() throws -> Data? {
        do {
            let chunk = try handle.read(upToCount: 1 << 20)
            return chunk?.isEmpty == false ? chunk : nil
        } catch {
            throw DPIError(.zipIOFailure, "cannot read a file being added to the archive",
                           details: "\(url.path): \(error)")
        }
    }
}
