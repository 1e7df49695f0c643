import DPI
import PKI
import Foundation

/// The entries of a package in archive order, to rebuild it with one thing changed: the structural
/// failures a received package can have.
struct PackageEntries {
    struct Entry {
        var name: String
        var contents: Data
        var stored = false
    }

    var entries: [Entry]
    var comment = ASiCEContainer.archiveComment

    /// The entries of `zip`, `mimetype` marked stored as it is.
    init(zip: Data) throws {
        let reader = try ZIPReader(data: zip)
        entries = try reader.entries.map { entry in
            Entry(name: entry.name, contents: try reader.contents(of: entry), stored: entry.method == .stored)
        }
    }

    subscript(name: String) -> Data? {
        get { entries.first { $0.name == name }?.contents }
        set {
            if let newValue, let index = entries.firstIndex(where: { $0.name == name }) {
                entries[index].contents = newValue
            } else if let newValue {
                entries.append(Entry(name: name, contents: newValue))
            } else {
                entries.removeAll { $0.name == name }
            }
        }
    }

    /// The archive written anew with our ZIP writer.
    func zip() throws -> Data {
        let output = ZIPMemoryOutput()
        let writer = try ZIPWriter(output: output)
        for entry in entries {
            if entry.stored {
                try writer.addStored(name: entry.name, data: entry.contents)
            } else {
                try writer.addDeflated(name: entry.name, data: entry.contents)
            }
        }
        try writer.finish(comment: comment)
        return output.data
    }
}

extension PackageEntries {
    /// Replaces `META-INF/signatures.xml` by a valid signature of `signer` over the files outside
    /// `META-INF` (except `mimetype`), typed by `mimeTypes` (`application/octet-stream` for others), so
    /// that only the manifest-level checks can fail.
    mutating func resign(by signer: Identity, mimeTypes: [String: String]) throws {
        let files = entries.filter { $0.name != "mimetype" && !$0.name.hasPrefix("META-INF/") }.map { entry in
            XAdESSignature.File(name: entry.name, mimeType: mimeTypes[entry.name] ?? "application/octet-stream",
                                contents: entry.contents)
        }
        self["META-INF/signatures.xml"] = try XAdESSignature(files: files, signingTime: Date()).signed(by: signer)
    }
}
