import CCurl

/// Owns a libcurl header list (curl_slist) built from validated `HTTPHeaders`.
final class CurlHeaderList {
    private(set) var list: UnsafeMutablePointer<curl_slist>?

    /// The headers, then `rawLines` as given (such as `"Expect:"`, which tells curl to send no Expect).
    /// Throws `.invalidRequest` for a name that is not a token or a value with a line break.
    init(_ headers: HTTPHeaders, rawLines: [String] = []) throws {
        for field in headers {
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(HTTPHeaders.isTokenByte) else {
                throw HTTPError(.invalidRequest, detail: "header name is not an HTTP token")
            }
            guard !field.value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) else {
                throw HTTPError(.invalidRequest, detail: "value of header \(field.name) contains a line break")
            }
            // "Name:" would remove a header in curl's syntax; "Name;" sends it with an empty value.
            try append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        for line in rawLines {
            try append(line)
        }
    }

    deinit {
        curl_slist_free_all(list)
    }

    private func append(_ line: String) throws {
        guard let appended = curl_slist_append(list, line) else {
            throw HTTPError(.internalError, detail: "curl_slist_append returned nil")
        }
        list = appended
    }
}
