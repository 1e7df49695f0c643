import Foundation

extension HTTPResponse {
    /// The status line and headers `HTTPServer` sends. The server owns `Content-Length`, `Connection` and
    /// `Transfer-Encoding`; handler fields that would break framing (bad name, line break in a value) are dropped.
    func wireHead(keepAlive: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\n"
        for field in headers where Self.isSendable(field) {
            text += "\(field.name): \(field.value)\r\n"
        }
        if hasBody {
            text += "Content-Length: \(body.count)\r\n"
        }
        text += keepAlive ? "" : "Connection: close\r\n"
        return Array((text + "\r\n").utf8)
    }

    /// 1xx, 204 and 304 responses have no body and no Content-Length (RFC 9110 8.6).
    var hasBody: Bool {
        !(100..<200).contains(status) && status != 204 && status != 304
    }

    private static func isSendable(_ field: HTTPHeaders.Field) -> Bool {
        let reserved = ["content-length", "connection", "transfer-encoding"]
        return !field.name.isEmpty && field.name.utf8.allSatisfy(HTTPHeaders.isTokenByte)
            && !reserved.contains(field.name.lowercased())
            && field.value.utf8.allSatisfy { $0 >= 0x20 || $0 == 0x09 }
    }

    /// The usual reason phrase for `status` (clients ignore it; it helps a human reading a trace).
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 413: "Content Too Large"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
