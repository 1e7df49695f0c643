public import Foundation

/// One entry of `GET /messages/out/{id}/statuses` (spec 10.3): how far the access point got with a letter.
/// Any entry means the access point has stored the letter, which settles an uncertain send (spec 12.1).
public struct TransportStatus: Sendable, Equatable {
    /// The documented statuses, and whatever else an access point may answer, kept verbatim.
    public enum Kind: RawRepresentable, Sendable, Hashable {
        /// `OPPRETTET`: registered by the access point, not yet forwarded.
        case opprettet
        /// `SENDT`: forwarded to the receiver's access point (corner 3).
        case sendt
        /// `FEILET`: the access point gave up on the letter; `description` says why.
        case feilet
        /// A status the API does not document, as sent.
        case other(String)

        /// The kind of `rawValue`, compared without regard to case; never fails, unknown values become `.other`.
        public init(rawValue: String) {
            switch rawValue.uppercased() {
            case "OPPRETTET": self = .opprettet
            case "SENDT": self = .sendt
            case "FEILET": self = .feilet
            default: self = .other(rawValue)
            }
        }

        /// The status as the API spells it.
        public var rawValue: String {
            switch self {
            case .opprettet: "OPPRETTET"
            case .sendt: "SENDT"
            case .feilet: "FEILET"
            case .other(let value): value
            }
        }
    }

    /// The status.
    public var status: Kind
    /// The access point's explanation (`beskrivelse`), e.g. why a letter `FEILET`.
    public var description: String?
    /// When the status was reached; nil when absent or not an RFC 3339 date-time.
    public var timestamp: Date?

    /// A status entry.
    public init(status: Kind, description: String? = nil, timestamp: Date? = nil) {
        self.status = status
        self.description = description
        self.timestamp = timestamp
    }

    /// The entry as it travels.
    private struct Wire: Decodable {
        let status: String
        let beskrivelse: String?
        let timestamp: String?
    }

    /// The entries of a statuses body, in the order sent. Throws `.malformedResponse` unless the body is a
    /// JSON array of objects that each have a string `status`.
    static func list(from body: Data) throws(AccessPointError) -> [TransportStatus] {
        let entries: [Wire]
        do {
            entries = try JSONDecoder().decode([Wire].self, from: body)
        } catch {
            throw AccessPointError(.malformedResponse,
                                   "the transport statuses are not a JSON array of {status, beskrivelse, timestamp}",
                                   status: 200, details: "\(error)")
        }
        return entries.map {
            TransportStatus(status: Kind(rawValue: $0.status), description: $0.beskrivelse,
                            timestamp: $0.timestamp.flatMap(Self.date))
        }
    }

    /// `2021-06-29T05:49:47Z`, with or without fractional seconds, with `Z` or an offset.
    static func date(_ text: String) -> Date? {
        (try? Date(text, strategy: .iso8601))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }
}
