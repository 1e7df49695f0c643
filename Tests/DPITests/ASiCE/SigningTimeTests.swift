@testable import DPI
import Foundation
import Testing

/// `SigningTime.format` uses integer calendar arithmetic instead of Foundation's `Calendar`; these tests hold
/// it to what `Calendar` and `String(format:)` write, over leap days, years before 1970, DST changes and
/// zones with odd offsets.
@Suite struct SigningTimeTests {
    static let instants: [TimeInterval] = [
        0, -0.001, -86_400.5, 951_782_400.999, 1_647_436_568.883, 1_711_846_799.9995, 1_711_846_800,
        1_729_990_800.25, 4_102_444_799.999, -2_208_988_800, 253_402_300_799.5,
    ]
    static let zones: [TimeZone] = [
        TimeZone(secondsFromGMT: 0)!, TimeZone(identifier: "Europe/Oslo")!, TimeZone(identifier: "Asia/Kathmandu")!,
        TimeZone(identifier: "America/St_Johns")!, TimeZone(secondsFromGMT: -(3 * 3600 + 1800))!,
        TimeZone(secondsFromGMT: 14 * 3600)!,
    ]

    @Test("the signing time reads as Calendar and String(format:) write it", arguments: zones)
    func integerArithmeticMatchesFoundation(zone: TimeZone) {
        for instant in Self.instants {
            let date = Date(timeIntervalSince1970: instant)
            #expect(SigningTime.format(date, in: zone) == Self.foundationFormat(date, in: zone),
                    "\(instant) in \(zone.identifier)")
        }
    }

    /// The general form: Foundation's Gregorian calendar in `timeZone`, padded by `String(format:)`.
    static func foundationFormat(_ date: Date, in timeZone: TimeZone) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (quotient, remainder) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let seconds = remainder < 0 ? quotient - 1 : quotient
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
}
