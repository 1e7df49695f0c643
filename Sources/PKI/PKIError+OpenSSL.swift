internal import COpenSSL

extension PKIError {
    /// An error carrying the calling thread's OpenSSL error queue, which this empties. Call it right after
    /// the failing OpenSSL call: the queue is per thread and later calls would add to or clear it.
    static func openSSL(_ code: Code, _ message: String, context: String = "") -> PKIError {
        let queue = OpenSSLErrorQueue.drain()
        let parts = [context, queue.isEmpty ? "" : "openssl: " + queue.joined(separator: "; ")]
        return PKIError(code, message, details: parts.filter { !$0.isEmpty }.joined(separator: "; "))
    }
}

/// Reads (and empties) OpenSSL's per-thread error queue.
enum OpenSSLErrorQueue {
    /// The queued errors, oldest first, as OpenSSL's "error:XXXXXXXX:lib::reason" strings.
    static func drain() -> [String] {
        var lines: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            lines.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return lines
    }

    /// Forgets queued errors after a failure that was expected and handled (end of a PEM bundle).
    static func clear() {
        ERR_clear_error()
    }
}
