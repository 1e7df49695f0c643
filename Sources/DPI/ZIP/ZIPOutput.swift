public import Foundation

/// Where a `ZIPWriter` sends the archive's bytes, in order. The writer never seeks back, so any
/// append-only sink works (memory, file, pipe, hashing stream).
public protocol ZIPOutput: AnyObject {
    /// Appends `bytes` to the archive; throws if the sink cannot take them (disk full, closed).
    func write(_ bytes: Data) throws

    /// Appends the bytes of a ZIP record, which the writer builds as an array; by default as `Data`.
    func write(_ bytes: [UInt8]) throws
}

extension ZIPOutput {
    public func write(_ bytes: [UInt8]) throws {
        try write(Data(bytes))
    }
}

/// Collects the archive in memory: the usual sink for an ASiC-E package of a few kilobytes to 50 MB.
public final class ZIPMemoryOutput: ZIPOutput {
    /// The archive bytes written so far.
    public private(set) var data: Data

    /// An empty buffer, optionally with room for `capacity` bytes to avoid regrowth.
    public init(reservingCapacity capacity: Int = 0) {
        data = Data()
        data.reserveCapacity(capacity)
    }

    /// Appends `bytes` to `data`.
    public func write(_ bytes: Data) {
        data.append(bytes)
    }

    /// Appends a record's `bytes` to `data` without making a `Data` of them first.
    public func write(_ bytes: [UInt8]) {
        data.append(contentsOf: bytes)
    }
}

/// Writes the archive to a file, creating or truncating it, so large archives never sit in memory.
public final class ZIPFileOutput: ZIPOutput {
    private let handle: FileHandle
    private let url: URL
    private var closed = false

    /// Creates (or empties) the file at `url` and opens it for writing.
    public init(creating url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: url.path) else {
            throw DPIError(.zipIOFailure, "cannot create the ZIP output file; check the folder exists and is writable",
                           details: url.path, disposition: .abort)
        }
        self.handle = handle
        self.url = url
    }

    deinit {
        if !closed {
            try? handle.close()
        }
    }

    /// Appends `bytes` to the file.
    public func write(_ bytes: Data) throws {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw DPIError(.zipIOFailure, "cannot write the ZIP output file (disk full?)",
                           details: "\(url.path): \(error)", disposition: .abort)
        }
    }

    /// Flushes and closes the file; call after `ZIPWriter.finish()`.
    public func close() throws {
        guard !closed else { return }
        closed = true
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw DPIError(.zipIOFailure, "cannot close the ZIP output file", details: "\(url.path): \(error)",
                           disposition: .abort)
        }
    }
}
