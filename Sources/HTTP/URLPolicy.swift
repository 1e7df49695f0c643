import CCurl

/// The rule for which URLs the client may contact: `https://` anywhere, plain `http://` only to loopback
/// (127.0.0.0/8, ::1, localhost) so that tests and the local simulator work but nothing leaves the machine
/// unencrypted. Checked with libcurl's own URL parser, so the host checked is the host curl connects to.
public enum URLPolicy {
    /// Throws an `HTTPError` (`.malformedURL`, `.unsupportedScheme` or `.insecureURL`, all `.abort`) when the
    /// client would refuse `url`. Call it when loading configuration to fail before the first letter.
    public static func validate(_ url: String) throws {
        _ = try check(url)
    }

    /// The parts of a URL that passed the policy.
    struct CheckedURL {
        var scheme: String
        var host: String
    }

    static func check(_ url: String) throws -> CheckedURL {
        guard let handle = curl_url() else { throw HTTPError(.internalError, detail: "curl_url returned nil") }
        defer { curl_url_cleanup(handle) }
        let parsed = curl_url_set(handle, CURLUPART_URL, url, 0)
        if parsed == CURLUE_UNSUPPORTED_SCHEME {
            throw HTTPError(.unsupportedScheme, detail: "libcurl: unsupported scheme")
        }
        guard parsed == CURLUE_OK else {
            throw HTTPError(.malformedURL, detail: "curl_url_set: \(String(cString: curl_url_strerror(parsed)))")
        }
        let scheme = part(handle, CURLUPART_SCHEME)?.lowercased() ?? ""
        guard scheme == "https" || scheme == "http" else {
            throw HTTPError(.unsupportedScheme, detail: "scheme \(scheme)")
        }
        guard let host = part(handle, CURLUPART_HOST), !host.isEmpty else {
            throw HTTPError(.malformedURL, detail: "no host")
        }
        guard scheme == "https" || isLoopback(host: host) else {
            throw HTTPError(.insecureURL, detail: "http:// to non-loopback host \(host)")
        }
        return CheckedURL(scheme: scheme, host: host)
    }

    /// `localhost`, a dotted-quad 127.x.y.z or the IPv6 loopback. Anything unusual (hex or shortened IPv4,
    /// IPv4-mapped IPv6) is treated as not loopback, which errs on the safe side.
    static func isLoopback(host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "localhost." { return true }
        if host == "[::1]" || host == "[0:0:0:0:0:0:0:1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        let values = octets.compactMap { $0.count <= 3 && $0.allSatisfy(\.isASCII) ? UInt8($0) : nil }
        return values.count == 4 && values[0] == 127
    }

    private static func part(_ handle: OpaquePointer, _ which: CURLUPart) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, which, &value, 0) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
