public import Foundation

extension DPIError.Code {
    /// A date-time in a business message is not RFC 3339.
    public static let invalidTimestamp = DPIError.Code("invalid timestamp")
}

/// An instant with the UTC offset it is written with, at millisecond precision: the RFC 3339 date-times of
/// business messages (`2022-03-16T14:16:08.903+01:00`, spec 5.2).
///
/// Keeping the offset lets a decoded message be written back unchanged and lets us write Norwegian local
/// time as the official examples do. Fractional seconds are written only when non-zero, as in the examples
/// (`2022-03-16T00:00:00+01:00`); offset zero is written `Z`.
public struct Timestamp: Hashable, Sendable, Comparable, CustomStringConvertible, Decodable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let millisecondsSince1970: Int64
    /// Seconds east of UTC the instant is written in.
    public let utcOffsetSeconds: Int

    /// The Norwegian time zone, the default for messages we write.
    public static let norway = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 3600)!

    /// `date` rounded to the millisecond, written in `timeZone`'s offset at that instant.
    public init(_ date: Date, timeZone: TimeZone = Timestamp.norway) {
        millisecondsSince1970 = Int64((date.timeIntervalSince1970 * 1000).rounded())
        utcOffsetSeconds = timeZone.secondsFromGMT(for: date)
    }

    /// A timestamp from its parts.
    public init(millisecondsSince1970: Int64, utcOffsetSeconds: Int) {
        self.millisecondsSince1970 = millisecondsSince1970
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Parses RFC 3339 (`T` or `t`, optional fraction of any length, `Z` or `±hh:mm`).
    ///
    /// - Throws: `DPIError` with code `invalidTimestamp`.
    public init(rfc3339 text: String) throws {
        guard let parsed = RFC3339.parse(text) else {
            throw DPIError(.invalidTimestamp, "date-time is not RFC 3339 (expected e.g. 2022-03-16T14:16:08.903+01:00)",
                           details: text)
        }
        self = parsed
    }

    /// Decodes an RFC 3339 string; a malformed one is a `DecodingError` at its coding path, so the error
    /// of the whole message can name the field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let parsed = RFC3339.parse(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "date-time is not RFC 3339")
        }
        self = parsed
    }

    /// The instant as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(millisecondsSince1970) / 1000) }

    /// The RFC 3339 text as written in business messages.
    public var description: String { RFC3339.format(self) }

    /// This instant moved by `seconds`, keeping the offset (e.g. creation time + 24 h for the expected response).
    public func adding(seconds: Int) -> Timestamp {
        Timestamp(millisecondsSince1970: millisecondsSince1970 + Int64(seconds) * 1000,
                  utcOffsetSeconds: utcOffsetSeconds)
    }

    /// Orders by instant, ignoring the offset.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }
}
