import Foundation

/// Reads key, certificate and keystore files, turning I/O failures into `PKIError.fileNotReadable`.
enum FileContents {
    /// The whole file; `what` names it in the error ("keystore", "certificate file").
    static func read(_ file: URL, what: String) throws -> Data {
        do {
            return try Data(contentsOf: file)
        } catch {
            throw PKIError(.fileNotReadable, "cannot read the \(what); check the path and its permissions",
                           details: "\(file.path): \(error)")
        }
    }
}
