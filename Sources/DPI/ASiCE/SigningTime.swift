import Foundation

/// XAdES `SigningTime` text (`xsd:dateTime`), written as the reference writes it: milliseconds and the
/// offset of the chosen time zone (`2022-03-16T14:16:08.883+01:00`, or `Z` for UTC).
enum SigningTime {
    static func format(_ date: Date, in timeZone: TimeZone) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = milliseconds.quotient(dividingBy: 1000)
        let instant = Date(timeIntervalSince1970: TimeInterval(seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let offset = timeZone.secondsFromGMT(for: instant)
        let zone = offset == 0 ? "Z"
            : String(format: "%@%02d:%02d", offset < 0 ? "-" : "+", abs(offset) / 3600, abs(offset) % 3600 / 60)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d", parts.year ?? 0, parts.month ?? 0,
                      parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0,
                      Int(milliseconds - seconds * 1000)) + zone
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

private extension Int64 {
    /// Division rounding towards negative infinity, so times before 1970 keep a positive millisecond part.
    func quotient(dividingBy divisor: Int64) -> Int64 {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
