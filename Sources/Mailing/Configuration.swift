import Foundation

/// The settings of one dpi-batch installation (PRODUCT.md, "Configuration"): read from the
/// environment, optionally overridden by a `--config FILE` of `KEY=value` lines.
///
/// Values are kept as given; each command asks for the keys it needs with ``require(_:)``, so a
/// missing key is reported by name before anything is done.
public struct Configuration: Sendable, Equatable {
    /// A configuration key of PRODUCT.md.
    public enum Key: String, CaseIterable, Sendable {
        case databaseURL = "DPI_DATABASE_URL"
        case accessPointURL = "DPI_ACCESS_POINT_URL"
        case krrURL = "DPI_KRR_URL"
        case maskinportenTokenURL = "DPI_MASKINPORTEN_TOKEN_URL"
        case maskinportenAudience = "DPI_MASKINPORTEN_AUDIENCE"
        case clientID = "DPI_CLIENT_ID"
        case keystore = "DPI_KEYSTORE"
        case keystorePassword = "DPI_KEYSTORE_PASSWORD"
        case trustAnchors = "DPI_TRUST_ANCHORS"
        case kanal = "DPI_KANAL"

        /// Whether the value is a secret that must never be printed.
        public var isSecret: Bool { self == .keystorePassword }
    }

    private var values: [Key: String]

    /// A configuration holding exactly the given values.
    public init(_ values: [Key: String] = [:]) {
        self.values = values
    }

    /// Reads every known key from this process's environment, then lets the lines of `file` (if
    /// given) override them: the file is the explicit choice of whoever started the command.
    public static func load(file: String? = nil) throws(ConfigurationError) -> Configuration {
        try load(environment: ProcessInfo.processInfo.environment, file: file)
    }

    /// As ``load(file:)``, reading the keys from `environment` instead of the process's own.
    public static func load(environment: [String: String], file: String? = nil) throws(ConfigurationError)
        -> Configuration
    {
        var configuration = Configuration()
        for key in Key.allCases {
            if let value = environment[key.rawValue], !value.isEmpty {
                configuration.values[key] = value
            }
        }
        if let file {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw ConfigurationError(.unreadableFile(path: file))
            }
            for (key, value) in try parse(text, path: file) {
                configuration.values[key] = value
            }
        }
        return configuration
    }

    /// The value of `key`, or nil when it is not set.
    public subscript(key: Key) -> String? {
        values[key]
    }

    /// The value of `key`; throws naming the key when it is missing.
    public func require(_ key: Key) throws(ConfigurationError) -> String {
        guard let value = values[key] else { throw ConfigurationError(.missing(key)) }
        return value
    }

    /// Parses `KEY=value` lines: blank lines and lines starting with `#` are skipped, whitespace
    /// around key and value is trimmed, one pair of surrounding quotes is removed from the value.
    /// An unknown key is an error (it is almost always a typo that would otherwise go unnoticed).
    static func parse(_ text: String, path: String) throws(ConfigurationError) -> [(Key, String)] {
        var pairs: [(Key, String)] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let lineNumber = index + 1
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigurationError(.malformedLine(path: path, line: lineNumber))
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard let key = Key(rawValue: name) else {
                throw ConfigurationError(.unknownKey(path: path, line: lineNumber, name: name))
            }
            pairs.append((key, unquoted(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces))))
        }
        return pairs
    }

    private static func unquoted(_ value: String) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}
