import CCurl
import Foundation

/// Collects one response's headers and body from libcurl's callbacks. It travels to the C callbacks as
/// an unretained pointer in CURLOPT_WRITEDATA/HEADERDATA, so the caller keeps it alive during the transfer.
final class ResponseSink {
    var headers = HTTPHeaders()
    var body = Data()
    /// Set when the body grew past `limit`; the transfer was then stopped with CURLE_WRITE_ERROR.
    private(set) var overflowed = false
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    var opaque: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    static func from(_ opaque: UnsafeMutableRawPointer) -> ResponseSink {
        Unmanaged<ResponseSink>.fromOpaque(opaque).takeUnretainedValue()
    }

    /// Appends body bytes; false when that would pass the limit.
    func append(body bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= limit else {
            overflowed = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Takes one raw header line. A status line starts a new header block (after `100 Continue` or a
    /// redirect only the final response's headers are kept); obsolete folded lines extend the previous value.
    func receive(headerLine bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .newlines)
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
        } else if let first = line.first, first == " " || first == "\t" {
            headers.appendToLastValue(line.trimmingCharacters(in: .whitespaces))
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            headers.add(name: name, value: value)
        }
    }
}

/// CURLOPT_WRITEFUNCTION: body bytes into the sink; returning less than given makes libcurl stop.
let responseBodyCallback: shim_curl_data_cb = { pointer, size, count, userdata in
    guard let userdata else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: pointer, count: size * count)
    return ResponseSink.from(userdata).append(body: bytes) ? bytes.count : 0
}

/// CURLOPT_HEADERFUNCTION: one complete header line at a time into the sink.
let responseHeaderCallback: shim_curl_data_cb = { pointer, size, count, userdata in
    guard let userdata else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: pointer, count: size * count)
    ResponseSink.from(userdata).receive(headerLine: bytes)
    return bytes.count
}
