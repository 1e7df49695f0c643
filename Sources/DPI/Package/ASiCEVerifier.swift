public import Foundation
public import PKI

/// Reads and verifies a received ASiC-E package (what corner 4 checks, spec 15 item 8 and 10): `mimetype`
/// first, stored, with the exact content; exactly one signature file, `META-INF/signatures.xml`, valid XAdES
/// over every file outside `META-INF` except `mimetype`; a `manifest.xml` whose files are all present, all
/// listed, and typed as signed.
///
/// Entries are hashed in chunks straight from the archive, so a verified package is never copied whole.
public struct ASiCEVerifier: Sendable {
    /// When set, the XAdES signer must chain to one of its anchors (through the `KeyInfo` certificates).
    public let trustStore: TrustStore?
    /// Caps on the archive's entries and sizes (hostile input).
    public let limits: ZIPReader.Limits

    /// A verifier; without a trust store the caller checks `VerifiedASiCE.signer` itself (for a letter: it
    /// must be the JWS signer, spec 6).
    public init(trustStore: TrustStore? = nil, limits: ZIPReader.Limits = ZIPReader.Limits()) {
        self.trustStore = trustStore
        self.limits = limits
    }

    /// Verifies the ZIP bytes of a package, with the signer's chain (if a trust store is set) checked at
    /// `time`. Throws `DPIError`: the ZIP reader's codes, `.invalidMimetypeEntry`, `.missingPackageSignature`,
    /// `.unexpectedSignatureFile`, the XAdES verifier's codes (`.signatureDigestMismatch` names the file),
    /// `.missingPackageManifest`, `.invalidManifest`, `.manifestFileMissing`, `.unlistedPackageFile`,
    /// `.manifestMimeMismatch`; or the trust store's `PKIError`.
    public func verify(_ zip: Data, at time: Date = Date()) throws -> VerifiedASiCE {
        let reader = try ZIPReader(data: zip, limits: limits)
        try Self.checkMimetype(reader)
        let signatureName = "META-INF/signatures.xml"
        guard reader.entry(named: signatureName) != nil else {
            throw DPIError(.missingPackageSignature, "the package has no META-INF/signatures.xml")
        }
        if let other = reader.entries.first(where: { $0.name != signatureName && Self.isSignatureFile($0.name) }) {
            throw DPIError(.unexpectedSignatureFile, "the package has a second signature file; DPI allows exactly "
                           + "META-INF/signatures.xml", field: other.name)
        }
        var digests: [String: Data] = [:]
        for entry in reader.entries where Self.isSigned(entry.name) {
            let hasher = SHA256Hasher()
            try reader.extract(entry) { hasher.update($0) }
            digests[entry.name] = hasher.finalize()
        }
        let signature = try XAdESVerifier(trustStore: trustStore)
            .verify(reader.contents(named: signatureName), fileDigests: digests, at: time)
        guard reader.entry(named: "manifest.xml") != nil else {
            throw DPIError(.missingPackageManifest, "the package has no manifest.xml")
        }
        let manifest = try SDPManifest(xml: reader.contents(named: "manifest.xml"))
        try Self.checkListing(manifest, digests: digests, signature: signature)
        return VerifiedASiCE(reader: reader, manifest: manifest, signature: signature)
    }

    /// `mimetype` must be the first entry, stored, holding exactly the ASiC-E media type (spec 7.1).
    private static func checkMimetype(_ reader: ZIPReader) throws {
        guard let first = reader.entries.min(by: { $0.localHeaderOffset < $1.localHeaderOffset }),
              first.name == "mimetype", first.localHeaderOffset == 0 else {
            throw DPIError(.invalidMimetypeEntry, "the first entry of the package must be mimetype")
        }
        guard first.method == .stored else {
            throw DPIError(.invalidMimetypeEntry, "the mimetype entry must be stored, not compressed")
        }
        let content = try reader.contents(of: first)
        guard content == Data(ContainerManifest.packageMediaType.utf8) else {
            throw DPIError(.invalidMimetypeEntry, "the mimetype entry must hold exactly "
                           + ContainerManifest.packageMediaType, details: "\(content.count) bytes")
        }
    }

    /// Every file the manifest names is in the package with the signed MIME type, and every signed file
    /// other than `manifest.xml` is named by the manifest.
    private static func checkListing(_ manifest: SDPManifest, digests: [String: Data],
                                     signature: VerifiedSignature) throws {
        let signedTypes = Dictionary(signature.files.map { ($0.name, $0.mimeType) }) { first, _ in first }
        var listed: Set<String> = ["manifest.xml"]
        for file in manifest.files {
            listed.insert(file.href)
            let signedType = signedTypes[XAdESSignature.uri(for: file.href)]
            guard digests[file.href] != nil else {
                throw DPIError(.manifestFileMissing, "the manifest names a file the package does not hold",
                               field: file.href)
            }
            guard signedType == file.mimeType else {
                throw DPIError(.manifestMimeMismatch, "a file's MIME type in the manifest is not the signed one",
                               field: file.href,
                               details: "manifest \(file.mimeType), signed \(signedType ?? "none")")
            }
        }
        if let unlisted = digests.keys.sorted().first(where: { !listed.contains($0) }) {
            throw DPIError(.unlistedPackageFile, "the package holds a file the manifest does not name",
                           field: unlisted)
        }
    }

    /// Files the signature must cover: everything outside `META-INF/` except `mimetype` (spec 7.1).
    private static func isSigned(_ name: String) -> Bool {
        name != "mimetype" && !name.hasPrefix("META-INF/") && !name.hasSuffix("/")
    }

    /// ASiC signature files: `META-INF/*signatures*.xml` (ETSI EN 319 162-1 names them so).
    private static func isSignatureFile(_ name: String) -> Bool {
        name.hasPrefix("META-INF/") && name.lowercased().contains("signature")
    }
}
