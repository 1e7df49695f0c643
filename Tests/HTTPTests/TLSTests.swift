import Foundation
import HTTP
import Testing
import TestSupport

@Suite("TLS verification against openssl s_server")
struct TLSTests {
    /// Runs `body` with an `openssl s_server -www` on loopback using a fresh self-signed certificate for
    /// IP 127.0.0.1; passes the port and the certificate path. The server is killed afterwards.
    func withTLSServer(_ body: (Int, String) throws -> Void) throws {
        try TemporaryDirectory.with { directory in
            let key = directory.appendingPathComponent("key.pem").path
            let certificate = directory.appendingPathComponent("cert.pem").path
            try ChildProcess.openssl(
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1")
            let port = try LoopbackPort.closed()
            let server = try BackgroundProcess(
                "openssl", ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-www"])
            defer { server.stop() }
            let ready = waitUntil(timeout: .seconds(10)) {
                String(decoding: server.output(), as: UTF8.self).contains("ACCEPT") || !server.isRunning
            }
            try #require(ready && server.isRunning, "s_server: \(server.errorOutput())")
            try body(port, certificate)
        }
    }

    @Test func unknownCertificateAuthorityIsATLSFailure() throws {
        try withTLSServer { port, _ in
            let error = try #require(throws: HTTPError.self) {
                try HTTPClient().perform(HTTPRequest(url: "https://127.0.0.1:\(port)/"))
            }
            #expect(error.code == .tlsFailure)
            #expect(error.disposition == .abort)
            #expect(!error.requestMayHaveBeenSent)
        }
    }

    @Test func trustedCertificateWithMatchingAddressSucceeds() throws {
        try withTLSServer { port, certificate in
            let client = try HTTPClient(configuration: .init(caBundlePath: certificate))
            let response = try client.perform(HTTPRequest(url: "https://127.0.0.1:\(port)/"))
            #expect(response.status == 200)
            #expect(response.text.contains("s_server"))
        }
    }

    @Test func trustedCertificateForAnotherNameIsATLSFailure() throws {
        try withTLSServer { port, certificate in
            let client = try HTTPClient(configuration: .init(caBundlePath: certificate))
            let error = try #require(throws: HTTPError.self) {
                try client.perform(HTTPRequest(url: "https://localhost:\(port)/"))
            }
            #expect(error.code == .tlsFailure)
        }
    }

    @Test func missingCABundleIsATLSFailure() throws {
        try withTLSServer { port, _ in
            let client = try HTTPClient(configuration: .init(caBundlePath: "/nonexistent/ca.pem"))
            let error = try #require(throws: HTTPError.self) {
                try client.perform(HTTPRequest(url: "https://127.0.0.1:\(port)/"))
            }
            #expect(error.code == .tlsFailure)
        }
    }
}
