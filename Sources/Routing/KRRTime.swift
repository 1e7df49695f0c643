import Foundation

/// KRR's timestamps, read leniently: formats vary between `2023-08-05T10:45:15.768Z` and
/// `2023-06-13T13:42:34+02` (spec 4.2), so fractional seconds are optional and an hour-only offset is
/// accepted.
enum KRRTime {
    /// The later of the times given (strings that are not times are ignored); nil when none is a time.
    static func latest(_ values: Any?...) -> Date? {
        values.compactMap { ($0 as? String).flatMap(parse) }.max()
    }

    /// The time `text` names, or nil.
    static func parse(_ text: String) -> Date? {
        var normalised = text.trimmingCharacters(in: .whitespaces)
        if let sign = normalised.lastIndex(where: { $0 == "+" || $0 == "-" }),
           normalised.distance(from: normalised.startIndex, to: sign) > 10,
           normalised[normalised.index(after: sign)...].allSatisfy(\.isNumber),
           normalised.distance(from: sign, to: normalised.endIndex) == 3 {
            normalised += ":00"
        }
        for style in [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()] {
            if let date = try? style.parse(normalised) { return date }
        }
        return nil
    }
}
