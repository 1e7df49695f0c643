public import Foundation
import PKI

/// Builds an ASiC-E document package (spec 7.1) from an SDP manifest and the documents' contents, in the
/// reference sender's order and form: `mimetype` stored first, `manifest.xml`, the documents (main, then
/// attachments, each followed by its extension data file), `META-INF/signatures.xml` (XAdES over
/// `manifest.xml` and the documents, spec 7.4), `META-INF/manifest.xml` (spec 7.3), and the archive comment
/// `mimetype=application/vnd.etsi.asic-e+zip`.
///
/// Documents are hashed while they are streamed into the ZIP: the signature comes after them in the
/// package, so each file is read once and the signed digest is of exactly the bytes written. A
/// `PreparedDocument` brings its digests along, computed once for all the letters that share it.
public struct ASiCEContainer: Sendable {
    /// The archive comment of the reference packages.
    public static let archiveComment = "mimetype=" + ContainerManifest.packageMediaType

    /// The SDP manifest: sender, mailbox address and the documents with their titles.
    public let manifest: SDPManifest
    /// The contents of `manifest.files`, in the same order (main document, its data file, attachments).
    public let contents: [DocumentContents]

    /// A package of `manifest` whose files hold `contents`, given in `manifest.files` order. Throws
    /// `.invalidManifest` when the number of contents differs from the files; the manifest's own rules are
    /// checked when it is written.
    public init(manifest: SDPManifest, contents: [DocumentContents]) throws {
        guard contents.count == manifest.files.count else {
            throw DPIError(.invalidManifest, "every file the manifest names needs exactly one content",
                           field: "manifest.href",
                           details: "\(manifest.files.count) files, \(contents.count) contents", disposition: .abort)
        }
        self.manifest = manifest
        self.contents = contents
    }

    /// Writes the signed package to `output`. `signer` makes the XAdES signature at `signingTime`, written in
    /// `timeZone`. `compressionLevel` is zlib's 0...9 for the documents, except those in `compressedFormats`;
    /// those and the package's own XML files go in at level 0 (`packageFileLevel`). Throws `DPIError`
    /// (manifest, ZIP, signing) or the key's `PKIError`.
    public func write(to output: any ZIPOutput, signer: XAdESSigner, signingTime: Date,
                      timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!, compressionLevel: Int = 6) throws {
        let manifestXML = try manifest.xml()
        let writer = try ZIPWriter(output: output, modified: ZIPTimestamp(signingTime, in: timeZone),
                                   compressionLevel: compressionLevel)
        try writer.addStored(name: "mimetype", data: Data(ContainerManifest.packageMediaType.utf8))
        try writer.addDeflated(name: "manifest.xml", data: manifestXML, level: Self.packageFileLevel)
        var signed = [XAdESSignature.File(name: "manifest.xml", mimeType: "application/xml", contents: manifestXML)]
        let files = manifest.files
        for (file, content) in zip(files, contents) {
            let level = Self.compressedFormats.contains(file.mimeType.lowercased()) ? 0 : compressionLevel
            let digest = try Self.add(content, as: file.href, level: level, to: writer)
            signed.append(XAdESSignature.File(name: file.href, mimeType: file.mimeType, sha256: digest))
        }
        let signature = XAdESSignature(files: signed, signingTime: signingTime, timeZone: timeZone)
        let signatures = try signer.signWithChecksum(signature)
        try writer.addDeflated(name: "META-INF/signatures.xml", data: signatures.text,
                               level: Self.packageFileLevel, crc32: signatures.crc32)
        try writer.addDeflated(name: "META-INF/manifest.xml", data: ContainerManifest(documents: files).xml(),
                               level: Self.packageFileLevel)
        try writer.finish(comment: Self.archiveComment)
    }

    /// The signed package in memory (see `write(to:signer:signingTime:timeZone:compressionLevel:)`).
    public func data(signer: XAdESSigner, signingTime: Date,
                     timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!, compressionLevel: Int = 6) throws -> Data {
        let output = ZIPMemoryOutput(reservingCapacity: estimatedSize())
        try write(to: output, signer: signer, signingTime: signingTime, timeZone: timeZone,
                  compressionLevel: compressionLevel)
        return output.data
    }

    /// The signed package as the pieces it was written in (`ZIPPieceOutput`), which `DocumentPackage`
    /// encrypts where they lie.
    func pieces(signer: XAdESSigner, signingTime: Date, timeZone: TimeZone,
                compressionLevel: Int) throws -> [any ContiguousBytes] {
        let output = ZIPPieceOutput()
        try write(to: output, signer: signer, signingTime: signingTime, timeZone: timeZone,
                  compressionLevel: compressionLevel)
        return output.finishedPieces()
    }

    /// An upper estimate of the package size (documents stored, plus room for the XML files and headers), so
    /// a memory buffer is allocated once instead of regrowing through copies.
    func estimatedSize() -> Int {
        var total = 16 << 10
        for content in contents {
            switch content {
            case .data(let data):
                total += data.count
            case .prepared(let document):
                total += document.data.count
            case .file(let url):
                total += DocumentFile.byteCount(of: url) ?? 0
            }
            total += 512
        }
        // Deflate can grow incompressible input by about 0.03 %; a little slack keeps it to one allocation.
        return total + total / 256
    }

    /// The level of `manifest.xml`, `META-INF/signatures.xml` and `META-INF/manifest.xml`: 0, the deflate
    /// method with the bytes stored in it. They are a few hundred bytes, and about 7 KB of mostly base64
    /// (certificates, digests, the signature value) that deflate shrinks by only a quarter; compressing them
    /// cost about a sixth of a letter's CPU time (`ops/bench formats`: 826 against 1000 letters per second
    /// on one core) to save about 2 KB per letter. On a mass mailing the CPU is the limit, not the upload.
    static let packageFileLevel = 0

    /// Document formats that are compressed inside already: deflating them again costs CPU on every letter
    /// for a few bytes saved, so they go in at level 0 (still the deflate method, as the reference writes
    /// every entry after `mimetype`, but with the bytes stored in it).
    static let compressedFormats: Set<String> = [
        "application/pdf", "image/jpeg", "image/png", "image/gif", "application/zip",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
    ]

    /// Writes one document deflated and returns the SHA-256 of its uncompressed bytes (computed while it is
    /// written, or before for a prepared document).
    private static func add(_ content: DocumentContents, as name: String, level: Int,
                            to writer: ZIPWriter) throws -> Data {
        switch content {
        case .data(let data):
            try writer.addDeflated(name: name, data: data, level: level)
            return Digest.sha256(data)
        case .prepared(let document):
            try writer.addDeflated(name: name, data: document.data, level: level, crc32: document.crc32)
            return document.sha256
        case .file(let url):
            let chunks = try ZIPFileChunks(url: url)
            let hasher = SHA256Hasher()
            try writer.addDeflated(name: name, level: level) {
                let chunk = try chunks.next()
                if let chunk { hasher.update(chunk) }
                return chunk
            }
            return hasher.finalize()
        }
    }
}
