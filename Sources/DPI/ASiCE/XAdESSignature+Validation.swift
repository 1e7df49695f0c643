/// What a file list must be before it is signed (spec 7.1, 7.4): at least one file, unique names that are
/// neither `mimetype` nor under `META-INF/`, SHA-256 digests, and values XML can carry.
extension XAdESSignature {
    func validate() throws {
        guard !files.isEmpty else {
            throw DPIError(.invalidSignedFile, "a signature must cover at least manifest.xml and the main document")
        }
        var names = Set<String>()
        for (index, file) in files.enumerated() {
            // Named only when something is wrong: most signatures are valid, one per letter.
            var field: String { "signature.files[\(index)]" }
            guard !file.name.isEmpty, !file.name.hasSuffix("/"), XMLEscaping.isLegal(file.name) else {
                throw DPIError(.invalidSignedFile, "a signed file needs a non-empty file name", field: field)
            }
            guard file.name != "mimetype", !file.name.hasPrefix("META-INF/") else {
                throw DPIError(.invalidSignedFile, "mimetype and META-INF/ files are never signed", field: field,
                               details: file.name)
            }
            guard names.insert(file.name).inserted else {
                throw DPIError(.invalidSignedFile, "two signed files have the same name", field: field,
                               details: file.name)
            }
            guard !file.mimeType.isEmpty, XMLEscaping.isLegal(file.mimeType) else {
                throw DPIError(.invalidSignedFile, "a signed file needs a MIME type", field: field + ".mimeType")
            }
            guard file.sha256.count == 32 else {
                throw DPIError(.invalidSignedFile, "a file digest must be the 32 bytes of a SHA-256", field: field,
                               details: "\(file.sha256.count) bytes")
            }
        }
    }
}
