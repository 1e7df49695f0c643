import Foundation
import TestSupport

/// The OpenSSL command line's CMS decryption: the independent check that what we encrypt opens elsewhere.
enum OpenSSLCMS {
    /// `openssl cms -decrypt` of a DER `package` with a test party's key (`"print"` uses print.key.pem), the
    /// recipient entry picked by the party's certificate when `byCertificate`; the decrypted bytes.
    static func decrypt(_ package: Data, party: String, byCertificate: Bool = false) throws -> Data {
        try TemporaryDirectory.with { folder in
            let file = folder.appendingPathComponent("package.cms")
            try package.write(to: file)
            let recipient = byCertificate ? try ["-recip", TestPKI.file("\(party).cert.pem").path] : []
            let arguments = ["cms", "-decrypt", "-binary", "-inform", "DER", "-in", file.path] + recipient
                + ["-inkey", try TestPKI.file("\(party).key.pem").path]
            return try ChildProcess.succeed("openssl", arguments).stdout
        }
    }
}
