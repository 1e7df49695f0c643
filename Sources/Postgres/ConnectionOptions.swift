import CLibPQ

/// The keyword/value pairs libpq connects with: the caller's connection string or URI, parsed by libpq
/// without touching the network, plus the settings every dpi-batch session relies on.
struct ConnectionOptions {
    private(set) var pairs: [(keyword: String, value: String)] = []

    /// UTF-8 on the wire, and timestamps printed as `YYYY-MM-DD HH:MM:SS.ffffff+00` whatever the server's
    /// configuration says; kept across `PQreset` because they are connection parameters, not `SET`s.
    private static let sessionOptions = "-c DateStyle=ISO -c TimeZone=UTC"
    /// Defaults unless the connection string says otherwise: give up on an unreachable host after 10 s, and
    /// notice a silently vanished server (network cut, VM gone) within about a minute instead of TCP's hours.
    private static let defaults = [
        ("connect_timeout", "10"), ("keepalives_idle", "30"), ("keepalives_interval", "10"),
        ("keepalives_count", "3"), ("tcp_user_timeout", "60000"),
    ]

    init(parsing connectionString: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(connectionString, &message) else {
            let detail = message.map { String(cString: $0) } ?? "out of memory"
            PQfreemem(message)
            throw PostgresError(.invalidConnectionString, .abort,
                                summary: "the database connection string is malformed; use postgresql://user@host:port/"
                                    + "database or 'host=… port=… dbname=… user=…'",
                                details: [detail.trimmingTrailingNewlines])
        }
        defer { PQconninfoFree(parsed) }
        var option = parsed
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                pairs.append((String(cString: keyword), String(cString: value)))
            }
            option += 1
        }
        set("client_encoding", to: "UTF8")
        set("options", to: [value(of: "options"), Self.sessionOptions].compactMap { $0 }.joined(separator: " "))
        for (keyword, value) in Self.defaults where self.value(of: keyword) == nil { set(keyword, to: value) }
    }

    func value(of keyword: String) -> String? {
        pairs.first { $0.keyword == keyword }?.value
    }

    private mutating func set(_ keyword: String, to value: String) {
        pairs.removeAll { $0.keyword == keyword }
        pairs.append((keyword, value))
    }

    /// Opens a blocking connection; the caller checks `PQstatus` and owns the handle.
    func connect() -> OpaquePointer? {
        withCStringArray(pairs.map(\.keyword) + [nil]) { keywords in
            withCStringArray(pairs.map(\.value) + [nil]) { values in
                PQconnectdbParams(keywords, values, 0)
            }
        }
    }
}

extension String {
    /// libpq messages end with a newline; logs read better without it.
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
