import CCurl
import Foundation

/// A blocking HTTP/1.1 client over one libcurl handle, reused across requests so the connection stays
/// open (keep-alive). Not thread-safe and deliberately not `Sendable`: each worker thread makes its own.
///
/// TLS certificates and host names are always verified; `http://` works only to loopback (`URLPolicy`);
/// redirects are not followed unless configured. Statuses are returned, not thrown.
public final class HTTPClient {
    /// Settings shared by every request of one client.
    public struct Configuration: Sendable {
        /// The `User-Agent` header.
        public var userAgent: String
        /// A PEM file of trusted CA certificates replacing the system store (tests, private trust), or nil.
        public var caBundlePath: String?
        /// A response body larger than this fails with `.responseTooLarge` instead of exhausting memory.
        public var maximumResponseBytes: Int
        /// How many redirects to follow (https targets only); 0, the default, returns the 3xx response.
        public var maximumRedirects: Int

        /// Defaults: User-Agent `dpi-batch/<version>`, system CA store, 64 MiB responses, no redirects.
        public init(
            userAgent: String = "dpi-batch/\(HTTPClient.version)", caBundlePath: String? = nil,
            maximumResponseBytes: Int = 64 << 20, maximumRedirects: Int = 0
        ) {
            self.userAgent = userAgent
            self.caBundlePath = caBundlePath
            self.maximumResponseBytes = maximumResponseBytes
            self.maximumRedirects = maximumRedirects
        }
    }

    /// The dpi-batch version sent in the default User-Agent.
    public static let version = "0.1.0"

    /// The settings this client was made with.
    public let configuration: Configuration
    /// How many TCP connections this client has opened so far; stays at 1 while keep-alive works.
    public private(set) var connectionsOpened = 0

    let easy: CurlEasy

    /// A client with its own libcurl handle. Throws `.internalError` only if libcurl cannot allocate one.
    public init(configuration: Configuration = Configuration()) throws {
        self.configuration = configuration
        easy = try CurlEasy()
    }

    /// Sends `request` and waits for the whole response. Throws `HTTPError` for a refused URL, network,
    /// TLS or timeout failure; any status, including 4xx and 5xx, comes back as a response.
    public func perform(_ request: HTTPRequest) throws -> HTTPResponse {
        let url = try URLPolicy.check(request.url)
        try easy.reset()
        try setCommonOptions(url: request.url, timeouts: request.timeouts)
        let body = try setBody(request.body, method: request.method)
        var headers = request.headers
        if let contentType = body.contentType, !headers.contains(name: "Content-Type") {
            headers.add(name: "Content-Type", value: contentType)
        }
        // "Expect:" stops curl sending Expect: 100-continue, which costs a round trip per upload.
        let headerList = try CurlHeaderList(headers, rawLines: headers.contains(name: "Expect") ? [] : ["Expect:"])
        try easy.set(headers: headerList.list)

        let sink = ResponseSink(limit: configuration.maximumResponseBytes)
        try easy.set(CURLOPT_WRITEFUNCTION, callback: responseBodyCallback)
        try easy.set(CURLOPT_WRITEDATA, pointer: sink.opaque)
        try easy.set(CURLOPT_HEADERFUNCTION, callback: responseHeaderCallback)
        try easy.set(CURLOPT_HEADERDATA, pointer: sink.opaque)

        let code = withExtendedLifetime((sink, body, headerList)) { curl_easy_perform(easy.handle) }
        connectionsOpened += easy.info(CURLINFO_NUM_CONNECTS)
        guard code == CURLE_OK else {
            throw failure(code, host: url.host, overflowed: sink.overflowed)
        }
        return HTTPResponse(status: easy.info(CURLINFO_RESPONSE_CODE), headers: sink.headers, body: sink.body)
    }

    private func setCommonOptions(url: String, timeouts: HTTPTimeouts) throws {
        try easy.set(CURLOPT_NOSIGNAL, 1)
        try easy.set(CURLOPT_URL, url)
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caBundlePath = configuration.caBundlePath {
            try easy.set(CURLOPT_CAINFO, caBundlePath)
        }
        if configuration.maximumRedirects > 0 {
            try easy.set(CURLOPT_FOLLOWLOCATION, 1)
            try easy.set(CURLOPT_MAXREDIRS, configuration.maximumRedirects)
            try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "https")
        }
        try easy.set(CURLOPT_USERAGENT, configuration.userAgent)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(timeouts.connect))
        try easy.set(CURLOPT_TIMEOUT_MS, Self.milliseconds(timeouts.total))
        if timeouts.lowSpeedSeconds > 0 {
            try easy.set(CURLOPT_LOW_SPEED_LIMIT, max(1, timeouts.lowSpeedBytesPerSecond))
            try easy.set(CURLOPT_LOW_SPEED_TIME, timeouts.lowSpeedSeconds)
        }
    }

    /// libcurl treats 0 as "no timeout", so anything positive is at least 1 ms.
    private static func milliseconds(_ seconds: Double) -> Int {
        seconds > 0 ? max(1, Int((seconds * 1000).rounded(.up))) : 0
    }
}

/// Each `HTTPClient` owns a libcurl handle that must stay on one thread; this makes sharing one a compile error.
@available(*, unavailable)
extension HTTPClient: Sendable {}
