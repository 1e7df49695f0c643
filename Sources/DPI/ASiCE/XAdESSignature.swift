public import Foundation
public import PKI

/// Builds `META-INF/signatures.xml`, the XAdES signature of an ASiC-E package (spec 7.4): one SHA-256
/// reference per file, signed properties with the signing time, the signer's certificate digest and
/// issuer/serial and a MIME type per file, in C14N 1.0 form and signed RSA-SHA256.
/// The layout is the reference sender's, so receivers see what they see from it.
public struct XAdESSignature: Sendable {
    /// A file the signature covers: its name in the ZIP, its MIME type and the SHA-256 of its bytes.
    public struct File: Sendable, Equatable {
        /// The ZIP entry name (flat names from `[A-Za-z0-9._-]` avoid URI-encoding questions, spec 7.1).
        public let name: String
        /// The MIME type written to `DataObjectFormat`.
        public let mimeType: String
        /// SHA-256 of the file's uncompressed bytes.
        public let sha256: Data

        /// A file whose digest was computed elsewhere (streamed from disk, say).
        public init(name: String, mimeType: String, sha256: Data) {
            self.name = name
            self.mimeType = mimeType
            self.sha256 = sha256
        }

        /// A file held in memory; its digest is computed here.
        public init(name: String, mimeType: String, contents: Data) {
            self.init(name: name, mimeType: mimeType, sha256: Digest.sha256(contents))
        }
    }

    /// The files to sign, in reference order: `manifest.xml` (as `application/xml`) first, then the
    /// documents in manifest order, as the reference does (`ID_0`, `ID_1`, ...).
    public var files: [File]
    /// When the signature is made; receivers allow some seconds of clock skew (spec 7.4).
    public var signingTime: Date
    /// The time zone the signing time is written in (the reference writes local time with its offset).
    public var timeZone: TimeZone

    /// A signature over `files` made at `signingTime`, written in `timeZone` (UTC unless said otherwise).
    public init(files: [File], signingTime: Date, timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!) {
        self.files = files
        self.signingTime = signingTime
        self.timeZone = timeZone
    }

    /// Signs with `signer` and returns `signatures.xml`: a one-off `XAdESSigner` (see there; make one
    /// and reuse it when signing many packages).
    public func signed(by signer: Identity, additionalCertificates: [Certificate] = []) throws -> Data {
        try XAdESSigner(identity: signer, additionalCertificates: additionalCertificates).sign(self)
    }

    /// The reference URI of a file name: percent-encoded where a URI path needs it. The flat names of
    /// spec 7.1 (`[A-Za-z0-9._-]`, all allowed in a path) come back as they are without Foundation's encoder.
    static func uri(for name: String) -> String {
        if name.utf8.allSatisfy(isFlatNameByte) { return name }
        return name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name
    }

    private static func isFlatNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
