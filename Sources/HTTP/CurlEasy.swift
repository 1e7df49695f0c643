import CCurl
import Foundation

/// libcurl's process-wide setup, run once before the first handle (curl_global_init is not thread-safe).
/// It also ignores SIGPIPE: OpenSSL writes to a socket the peer closed would otherwise kill the process,
/// and libcurl's own per-call SIGPIPE juggling is not safe with several threads (we set CURLOPT_NOSIGNAL).
private let curlGlobalInit: Void = {
    _ = curl_global_init(Int(CURL_GLOBAL_ALL))
    _ = signal(SIGPIPE, SIG_IGN)
}()

/// Owns one libcurl easy handle and its error buffer. Options are set through typed methods that throw
/// `HTTPError(.internalError)` when libcurl rejects one. Not thread-safe: one per `HTTPClient`.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private static let errorBufferSize = Int(CURL_ERROR_SIZE)

    init() throws {
        curlGlobalInit
        guard let handle = curl_easy_init() else {
            throw HTTPError(.internalError, detail: "curl_easy_init returned nil")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Self.errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: Self.errorBufferSize)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Clears every option (keeping the connection cache, so keep-alive survives) and re-arms the error buffer.
    func reset() throws {
        curl_easy_reset(handle)
        errorBuffer[0] = 0
        try check(shim_curl_setopt_ptr(handle, CURLOPT_ERRORBUFFER, errorBuffer), "ERRORBUFFER")
    }

    func set(_ option: CURLoption, _ value: Int) throws {
        try check(shim_curl_setopt_long(handle, option, value), "option \(option.rawValue)")
    }

    func set(_ option: CURLoption, _ value: String) throws {
        try check(shim_curl_setopt_str(handle, option, value), "option \(option.rawValue)")
    }

    func set(_ option: CURLoption, offset value: Int64) throws {
        try check(shim_curl_setopt_off(handle, option, curl_off_t(value)), "option \(option.rawValue)")
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws {
        try check(shim_curl_setopt_ptr(handle, option, value), "option \(option.rawValue)")
    }

    func set(_ option: CURLoption, callback: shim_curl_data_cb) throws {
        try check(shim_curl_setopt_data_cb(handle, option, callback), "option \(option.rawValue)")
    }

    func set(headers list: UnsafeMutablePointer<curl_slist>?) throws {
        try check(shim_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list), "HTTPHEADER")
    }

    func set(mime: OpaquePointer) throws {
        try check(shim_curl_setopt_mime(handle, mime), "MIMEPOST")
    }

    /// A `long` result of the last transfer, 0 when libcurl cannot tell.
    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return shim_curl_getinfo_long(handle, info, &value) == CURLE_OK ? value : 0
    }

    /// A `curl_off_t` result of the last transfer (sizes, microsecond times), 0 when libcurl cannot tell.
    func info(offset info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        return shim_curl_getinfo_off(handle, info, &value) == CURLE_OK ? Int64(value) : 0
    }

    /// libcurl's specific message for the last failure (from CURLOPT_ERRORBUFFER), else its generic one.
    func message(for code: CURLcode) -> String {
        let specific = String(cString: errorBuffer)
        return specific.isEmpty ? String(cString: curl_easy_strerror(code)) : specific
    }

    private func check(_ code: CURLcode, _ option: String) throws {
        guard code == CURLE_OK else {
            throw HTTPError(.internalError, detail: "curl_easy_setopt \(option): \(message(for: code))")
        }
    }
}
