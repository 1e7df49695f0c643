import Foundation
import HTTP
import Testing

@Suite("URLPolicy: https anywhere, http only to loopback")
struct URLPolicyTests {
    static let allowed = [
        "https://example.invalid/messages/out", "https://10.1.2.3:8443/", "http://127.0.0.1:8080/x",
        "http://127.255.0.1/", "http://localhost/", "http://LOCALHOST:1/", "http://[::1]:8080/", "HTTP://127.0.0.1/",
    ]

    @Test(arguments: allowed)
    func allowedURLsPass(url: String) throws {
        try URLPolicy.validate(url)
    }

    static let refused: [(String, HTTPError.Code)] = [
        ("http://example.invalid/", .insecureURL),
        ("http://10.1.2.3/", .insecureURL),
        ("http://128.0.0.1/", .insecureURL),
        ("http://127.0.0.1.example.com/", .insecureURL),
        ("http://localhost.example.com/", .insecureURL),
        ("http://[::2]/", .insecureURL),
        ("http://[::ffff:127.0.0.1]/", .insecureURL),
        ("ftp://example.invalid/file", .unsupportedScheme),
        ("file:///etc/passwd", .unsupportedScheme),
        ("gopher://example.invalid/", .unsupportedScheme),
        ("not a url", .malformedURL),
        ("", .malformedURL),
        ("https://", .malformedURL),
        ("https://exa mple.com/", .malformedURL),
    ]

    @Test(arguments: refused)
    func refusedURLsThrowTheirCode(url: String, code: HTTPError.Code) throws {
        let error = try #require(throws: HTTPError.self) { try URLPolicy.validate(url) }
        #expect(error.code == code)
        #expect(error.disposition == .abort)
    }

    @Test func clientRefusesPlainHTTPToRemoteHostBeforeConnecting() throws {
        for url in ["http://example.invalid/", "http://10.1.2.3/messages/out"] {
            let request = HTTPRequest(method: .post, url: url, body: .bytes(Data([1, 2, 3])))
            let error = try #require(throws: HTTPError.self) { try HTTPClient().perform(request) }
            #expect(error.code == .insecureURL)
            #expect(!error.requestMayHaveBeenSent)
            #expect(error.description.contains("https://"))
        }
    }

    @Test func clientRefusesMalformedAndFTPURLs() throws {
        let client = try HTTPClient()
        let malformed = try #require(throws: HTTPError.self) { try client.perform(HTTPRequest(url: "::nonsense")) }
        #expect(malformed.code == .malformedURL)
        let ftp = try #require(throws: HTTPError.self) { try client.perform(HTTPRequest(url: "ftp://127.0.0.1/")) }
        #expect(ftp.code == .unsupportedScheme)
        #expect(client.connectionsOpened == 0)
    }
}
