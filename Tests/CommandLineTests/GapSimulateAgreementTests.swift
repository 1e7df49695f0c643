import Foundation
import Testing
import TestSupport

/// `dpi-batch simulate --agreement ORGNO[,ORGNO]`: only the listed organisations have an agreement with the
/// simulated access point, so the test PKI's sender (991825827) gets 403 when it is not listed and 401-free
/// access when it is; a malformed organisation number is a usage error.
@Suite struct GapSimulateAgreementTests {
    /// Signs a Maskinporten grant for the simulator's client with the test PKI's `sender.p12` (Python's
    /// `cryptography`, as an independent JWT signer) and prints it.
    private static let grantScript = """
        import base64, json, sys, time, uuid
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import padding
        from cryptography.hazmat.primitives.serialization import pkcs12
        key, cert, _ = pkcs12.load_key_and_certificates(open(sys.argv[1], "rb").read(), b"changeit")
        b64 = lambda data: base64.urlsafe_b64encode(data).rstrip(b"=").decode()
        der = cert.public_bytes(serialization.Encoding.DER)
        header = {"alg": "RS256", "x5c": [base64.b64encode(der).decode()]}
        now = int(time.time())
        claims = {"aud": "https://test.maskinporten.no/", "iss": "dpi-batch-simulated", "iat": now,
                  "exp": now + 100, "jti": str(uuid.uuid4()), "scope": "digitalpostinnbygger:send"}
        signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
        signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
        print(signing_input + "." + b64(signature))
        """

    /// Starts `simulate` with `extra` options, gets a send token for the sender and answers the status of
    /// `GET /messages/in` with it.
    private func inboxStatus(_ extra: [String]) throws -> String {
        let pki = try TestPKI.directory()
        return try TemporaryDirectory.with(prefix: "simulate-agreement") { folder in
            let process = try BackgroundProcess(try BuiltExecutable.path(),
                                                ["simulate", "--port", "0", "--dir", folder.path,
                                                 "--persons", "8", "--pki", pki.path] + extra)
            defer { process.stop() }
            let printed = waitUntil(timeout: .seconds(60)) {
                String(decoding: process.output(), as: UTF8.self).contains("stop with Ctrl-C") || !process.isRunning
            }
            let output = String(decoding: process.output(), as: UTF8.self)
            try #require(printed && process.isRunning, "\(output)\n\(process.errorOutput())")
            let base = try #require(output.split(separator: "\n").first { $0.hasPrefix("DPI_ACCESS_POINT_URL=") }?
                .dropFirst("DPI_ACCESS_POINT_URL=".count))
            let grant = try ChildProcess.succeed("python3", ["-c", Self.grantScript,
                                                             pki.appendingPathComponent("sender.p12").path])
            let token = try ChildProcess.succeed("curl", [
                "-sS", "--max-time", "10", base + "/token",
                "-d", "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer",
                "--data-urlencode", "assertion=" + grant.text.trimmingCharacters(in: .whitespacesAndNewlines),
            ])
            let body = try JSONSerialization.jsonObject(with: Data(token.text.utf8)) as? [String: Any]
            let accessToken = try #require(body?["access_token"] as? String, "\(token.text)")
            return try ChildProcess.succeed("curl", [
                "-sS", "--max-time", "10", "-o", "/dev/null", "-w", "%{http_code}",
                "-H", "Authorization: Bearer " + accessToken, base + "/messages/in",
            ]).text
        }
    }

    @Test func aSenderWithoutAnAgreementGets403() throws {
        #expect(try inboxStatus(["--agreement", "910076787"]) == "403")
    }

    @Test func aSenderListedWithAnAgreementIsServed() throws {
        #expect(try inboxStatus(["--agreement", "910076787,991825827"]) == "204")
    }

    @Test func aMalformedOrganisationNumberIsAUsageError() throws {
        let result = try ChildProcess.run(try BuiltExecutable.path(), ["simulate", "--agreement", "12345"])
        #expect(result.status == 2, "\(result.text)")
        #expect(result.stderr.contains("--agreement"), "\(result.stderr)")
    }
}
