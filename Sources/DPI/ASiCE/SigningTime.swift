import Foundation

/// XAdES `SigningTime` text (`xsd:dateTime`), written as the reference writes it: milliseconds and the
/// offset of the chosen time zone (`2022-03-16T14:16:08.883+01:00`, or `Z` for UTC).
enum SigningTime {
    /// Written with `RFC3339`'s integer calendar arithmetic: a Foundation `Calendar` and `String(format:)`
    /// cost more than the rest of the signature text, once per letter.
    static func format(_ date: Date, in timeZone: TimeZone) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let second = Date(timeIntervalSince1970: TimeInterval(milliseconds.floorDivided(by: 1000)))
        let timestamp = Timestamp(millisecondsSince1970: milliseconds,
                                  utcOffsetSeconds: timeZone.secondsFromGMT(for: second))
        return RFC3339.format(timestamp, alwaysMilliseconds: true)
    }

    /// Reads an `xsd:dateTime` with a time zone, with or without fractional seconds; nil if it is not one.
    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
