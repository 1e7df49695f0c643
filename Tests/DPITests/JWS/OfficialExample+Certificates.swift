import PKI
import TestSupport

extension OfficialExample {
    /// The certificates of the `KeyInfo` in the example package's `signatures.xml`: signer, issuing CA, root.
    func packageCertificates() throws -> [Certificate] {
        try packageCertificateDER().map { try Certificate(der: $0) }
    }
}
