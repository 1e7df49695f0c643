import Foundation
public import HTTP

/// One worker's client of the access point (corner 2) REST API (spec 10, `dpi-reference/api/openapi_spec.yaml`):
/// send a letter, ask its transport statuses, list and acknowledge receipts. Every request carries
/// `Authorization: Bearer <Maskinporten token>` with the scope `digitalpostinnbygger:send`.
///
/// Not `Sendable`: it wraps an `HTTPClient`, whose libcurl handle stays on one thread; each worker makes its own.
/// The base URL is `DPI_ACCESS_POINT_URL` (paths such as `{base}/messages/out` are appended), the kanal
/// `DPI_KANAL`.
public final class AccessPointClient {
    /// The longest kanal the API allows (spec 10.2).
    public static let maximumKanalLength = 28

    /// The base URL, without trailing slashes.
    public let baseURL: String
    /// The channel tagging this sender system's letters and receipts (already normalised), or nil for none.
    public let kanal: String?
    /// The timeouts of every request.
    public let timeouts: HTTPTimeouts
    /// The connection to the access point.
    let client: HTTPClient
    /// Whether the last answer left a kept-alive connection that libcurl may reuse (see `SendOutcome`, note 1).
    private var holdsKeptAliveConnection = false

    /// A client of the access point at `baseURL` over `client`, tagging letters with `kanal` when given. Throws
    /// `.invalidConfiguration` for a URL `URLPolicy` refuses (plain http to a non-loopback host), one with a query
    /// or fragment, or an invalid kanal.
    public init(baseURL: String, kanal: String?, client: HTTPClient, timeouts: HTTPTimeouts = HTTPTimeouts())
        throws(AccessPointError) {
        do {
            try URLPolicy.validate(baseURL)
        } catch {
            throw AccessPointError(.invalidConfiguration, "the access point URL is refused: \(error)")
        }
        guard !baseURL.contains("?"), !baseURL.contains("#") else {
            throw AccessPointError(.invalidConfiguration,
                                   "the access point URL must be a base such as https://host/api/v2/dpi, "
                                       + "without query or fragment")
        }
        var base = Substring(baseURL)
        while base.hasSuffix("/") { base = base.dropLast() }
        self.baseURL = String(base)
        self.kanal = try kanal.map(Self.normalisedKanal)
        self.client = client
        self.timeouts = timeouts
    }

    /// `kanal` as the API takes it (spec 10.2): `.` replaced by `_` as the reference client does, then 1 to 28
    /// of `a-z A-Z 0-9 _ -`. Throws `.invalidConfiguration` otherwise. Call it to check `DPI_KANAL` early.
    public static func normalisedKanal(_ kanal: String) throws(AccessPointError) -> String {
        let normalised = kanal.replacingOccurrences(of: ".", with: "_")
        let allowed = normalised.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        guard allowed, (1...maximumKanalLength).contains(normalised.unicodeScalars.count) else {
            throw AccessPointError(.invalidConfiguration,
                                   "the kanal must be 1 to \(maximumKanalLength) of the characters a-z A-Z 0-9 _ - "
                                       + "(no spaces, no Norwegian letters)")
        }
        return normalised
    }

    /// Sends one request to `path` (already percent-encoded) with `query` and the bearer `token`. Returns the answer
    /// and whether it came on a connection libcurl opened although a kept-alive one was there; throws `HTTPError`.
    func exchange(_ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [],
                  token: String, body: HTTPBody = .none) throws -> (response: HTTPResponse, onNewConnection: Bool) {
        let queryText = query.map { Self.percentEncoded($0.name) + "=" + Self.percentEncoded($0.value) }
            .joined(separator: "&")
        let request = HTTPRequest(
            method: method, url: baseURL + path + (queryText.isEmpty ? "" : "?" + queryText),
            headers: ["Authorization": "Bearer " + token, "Accept": "application/json, application/problem+json"],
            body: body, timeouts: timeouts)
        let connectionsBefore = client.connectionsOpened
        let response: HTTPResponse
        do {
            response = try client.perform(request)
        } catch {
            holdsKeptAliveConnection = false
            throw error
        }
        let onNewConnection = holdsKeptAliveConnection && client.connectionsOpened > connectionsBefore
        holdsKeptAliveConnection = !response.headers["Connection"].contains { $0.lowercased().contains("close") }
        return (response, onNewConnection)
    }

    /// Like `exchange`, with a failure below HTTP turned into `AccessPointError` (`.transport`).
    func answer(_ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [],
                token: String) throws(AccessPointError) -> HTTPResponse {
        do {
            return try exchange(method, path, query: query, token: token).response
        } catch let error as HTTPError {
            throw AccessPointError(transport: error)
        } catch {
            throw AccessPointError(.transport, "the request failed unexpectedly", details: "\(error)",
                                   disposition: .abort)
        }
    }

    /// `text` with every byte but RFC 3986's unreserved ones percent-encoded: safe in a path segment or query.
    static func percentEncoded(_ text: String) -> String {
        var unreserved = CharacterSet()
        unreserved.insert(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
