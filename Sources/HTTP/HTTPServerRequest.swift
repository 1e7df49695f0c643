public import Foundation

/// A request as `HTTPServer` received it, body complete (de-chunked), handed to the handler.
public struct HTTPServerRequest: Sendable {
    /// The method token, for example `"POST"`.
    public var method: String
    /// The request target as sent: path and optional query, for example `/messages/in?kanal=a`.
    public var target: String
    /// The request headers, in order.
    public var headers: HTTPHeaders
    /// The complete body (empty when there was none).
    public var body: Data

    /// A request with the given parts (the server builds these; tests of handlers may too).
    public init(method: String, target: String, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The target without its query, for example `/messages/in`.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The query parameters in order, percent-decoded (`+` is left as is); empty when there is no query.
    public var queryItems: [(name: String, value: String)] {
        guard let questionMark = target.firstIndex(of: "?") else { return [] }
        return target[target.index(after: questionMark)...].split(separator: "&").map { item in
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in text.removingPercentEncoding ?? String(text) }
            return (decode(pair[0]), pair.count > 1 ? decode(pair[1]) : "")
        }
    }

    /// The first value of query parameter `name`, or nil.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
