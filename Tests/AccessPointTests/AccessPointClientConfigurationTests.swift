import AccessPoint
import ErrorDisposition
import HTTP
import Testing

/// The base URL and kanal are checked when the client is made, before any letter (spec 10.1, 10.2).
@Suite("Access point client: configuration")
struct AccessPointClientConfigurationTests {
    @Test("a kanal of 1 to 28 of a-z A-Z 0-9 _ - is taken as is; dots become underscores as in the reference",
          arguments: [("dpi_batch", "dpi_batch"), ("A-z_09", "A-z_09"), ("no.digdir.batch", "no_digdir_batch"),
                      (String(repeating: "k", count: 28), String(repeating: "k", count: 28))])
    func validKanal(kanal: String, normalised: String) throws {
        #expect(try AccessPointClient.normalisedKanal(kanal) == normalised)
        let client = try AccessPointClient(baseURL: "https://ap.example/api", kanal: kanal, client: HTTPClient())
        #expect(client.kanal == normalised)
    }

    @Test("an empty, too long, spaced, Norwegian or punctuated kanal is refused as configuration",
          arguments: ["", String(repeating: "k", count: 29), "min kanal", "kanal\u{e6}", "kanal/1", "kanal?x=1"])
    func invalidKanal(kanal: String) throws {
        let error = #expect(throws: AccessPointError.self) {
            try AccessPointClient(baseURL: "https://ap.example/api", kanal: kanal, client: HTTPClient())
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.disposition == .abort)
    }

    @Test("http to a non-loopback host, an unknown scheme, a query or no host is refused",
          arguments: ["http://ap.example/api", "ftp://ap.example/api", "https://ap.example/api?x=1", "https://",
                      "not a url"])
    func refusedURL(url: String) throws {
        let error = #expect(throws: AccessPointError.self) {
            try AccessPointClient(baseURL: url, kanal: nil, client: HTTPClient())
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.disposition == .abort)
    }

    @Test("https anywhere and http to loopback are accepted; trailing slashes are dropped")
    func acceptedURL() throws {
        let remote = try AccessPointClient(baseURL: "https://sandbox1.ediex.no/api/v2/dpi/", kanal: nil,
                                           client: HTTPClient())
        #expect(remote.baseURL == "https://sandbox1.ediex.no/api/v2/dpi")
        #expect(remote.kanal == nil)
        let local = try AccessPointClient(baseURL: "http://127.0.0.1:8080//", kanal: nil, client: HTTPClient())
        #expect(local.baseURL == "http://127.0.0.1:8080")
    }

    @Test("a receipt poll with a page size below 1 is refused before any request")
    func pageSize() throws {
        let client = try AccessPointClient(baseURL: "https://ap.example", kanal: nil, client: HTTPClient())
        let error = #expect(throws: AccessPointError.self) {
            try client.incoming(avsenderidentifikator: nil, pageSize: 0, token: "t")
        }
        #expect(error?.code == .invalidConfiguration)
    }
}
