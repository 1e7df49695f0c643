import Foundation

extension Data {
    /// Lowercase hex, as checksums and fingerprints are stored (`dpi.schema_migration.checksum`,
    /// `dpi.delivery.recipient_cert_sha256`).
    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
