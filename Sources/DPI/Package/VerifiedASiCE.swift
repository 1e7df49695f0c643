public import Foundation
public import PKI

/// A verified ASiC-E package: its manifest, its signature (signer, chain, signing time, signed files)
/// and the documents, whose contents are extracted from the archive on demand.
public struct VerifiedASiCE: Sendable {
    private let reader: ZIPReader
    /// The SDP manifest (`manifest.xml`).
    public let manifest: SDPManifest
    /// The verified XAdES signature of `META-INF/signatures.xml`.
    public let signature: VerifiedSignature

    init(reader: ZIPReader, manifest: SDPManifest, signature: VerifiedSignature) {
        self.reader = reader
        self.manifest = manifest
        self.signature = signature
    }

    /// The XAdES signing certificate.
    public var signer: Certificate { signature.signer }

    /// The documents' files (names and MIME types) in manifest order: main document first.
    public var documents: [SDPManifest.File] { manifest.files }

    /// The uncompressed bytes of the package file `name` (a document, `manifest.xml`, ...), CRC-checked.
    /// Throws `.zipMissingEntry` when there is none.
    public func contents(of name: String) throws -> Data {
        try reader.contents(named: name)
    }

    /// Passes the bytes of the package file `name` to `consume` in chunks, for documents too big to hold
    /// twice; discard what was passed if this throws. Throws `.zipMissingEntry` when there is none.
    public func extract(_ name: String, into consume: (Data) throws -> Void) throws {
        guard let entry = reader.entry(named: name) else {
            throw DPIError(.zipMissingEntry, "the package has no file with the expected name", field: name)
        }
        try reader.extract(entry, into: consume)
    }
}
