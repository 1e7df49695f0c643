public import Foundation
import PKI

/// The fingerprint of the encrypted document package (`dokumentpakkefingeravtrykk`, spec 9): base64 of the
/// SHA-256 of the CMS bytes, which the provider compares with what it receives.
public struct PackageFingerprint: Hashable, Sendable, Decodable {
    /// The only digest method DPI uses.
    public static let sha256Method = "http://www.w3.org/2001/04/xmlenc#sha256"

    /// The digest algorithm URI (`digestMethod`).
    public var digestMethod: String
    /// The base64 digest (`digestValue`).
    public var digestValue: String

    /// The fingerprint of `cms`, the encrypted package exactly as it will be uploaded.
    public init(cms: Data) {
        self.init(sha256: Digest.sha256(cms))
    }

    /// A fingerprint from an already computed SHA-256 digest (32 bytes) of the CMS.
    public init(sha256 digest: Data) {
        digestMethod = Self.sha256Method
        digestValue = Base64Table.standard.padded(digest)
    }

    /// A fingerprint from its written parts.
    public init(digestMethod: String = PackageFingerprint.sha256Method, digestValue: String) {
        self.digestMethod = digestMethod
        self.digestValue = digestValue
    }
}

extension PackageFingerprint: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("digestMethod", digestMethod)
            json.member("digestValue", digestValue)
        }
    }
}
