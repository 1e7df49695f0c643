import CCurl
import Foundation

/// What setting a body leaves behind: libcurl objects that must outlive the transfer, and the
/// `Content-Type` to send unless the caller set one.
struct PreparedBody {
    var mime: CurlMime?
    var contentType: String?
}

extension HTTPClient {
    /// Sets the method and body options for one request.
    func setBody(_ body: HTTPBody, method: HTTPMethod) throws -> PreparedBody {
        guard !method.rawValue.isEmpty, method.rawValue.utf8.allSatisfy(HTTPHeaders.isTokenByte) else {
            throw HTTPError(.invalidRequest, detail: "method is not an HTTP token")
        }
        var prepared = PreparedBody()
        var hasBody = true
        switch body {
        case .none:
            hasBody = method == .post
            if hasBody { try setBytes(Data()) }
        case .bytes(let data):
            try setBytes(data)
        case .form(let fields):
            try setBytes(Data(Self.formEncoded(fields).utf8))
            prepared.contentType = "application/x-www-form-urlencoded"
        case .multipart(let parts):
            let mime = try CurlMime(easy: easy, parts: parts)
            try easy.set(mime: mime.pointer)
            prepared.mime = mime
        }
        switch method {
        case .get where !hasBody:
            try easy.set(CURLOPT_HTTPGET, 1)
        case .head:
            try easy.set(CURLOPT_NOBODY, 1)
        case .post:
            break  // a body option above already made this a POST
        default:
            try easy.set(CURLOPT_CUSTOMREQUEST, method.rawValue)
        }
        return prepared
    }

    /// A body from memory; CURLOPT_COPYPOSTFIELDS copies it, so `data` need not outlive the call.
    private func setBytes(_ data: Data) throws {
        try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(data.count))
        guard !data.isEmpty else {
            try easy.set(CURLOPT_COPYPOSTFIELDS, "")
            return
        }
        try data.withUnsafeBytes { raw in
            try easy.set(CURLOPT_COPYPOSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: raw.baseAddress))
        }
    }

    /// `application/x-www-form-urlencoded`: every byte but the RFC 3986 unreserved ones percent-encoded.
    static func formEncoded(_ fields: [(name: String, value: String)]) -> String {
        let ascii = CharacterSet(charactersIn: Unicode.Scalar(0)..<"\u{80}")
        var unreserved = CharacterSet.alphanumerics.intersection(ascii)
        unreserved.insert(charactersIn: "-._~")
        func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        }
        return fields.map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
    }
}
