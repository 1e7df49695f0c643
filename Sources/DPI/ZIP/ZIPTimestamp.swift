public import Foundation

/// A ZIP entry's modification time in MS-DOS format (two-second resolution, years 1980–2107, no
/// time zone), as stored in every local header and central directory record.
///
/// The writer takes one fixed timestamp for all entries, so that the same input gives the same bytes.
public struct ZIPTimestamp: Hashable, Sendable {
    /// The DOS date: bits 15–9 years since 1980, 8–5 month, 4–0 day.
    public let dosDate: UInt16
    /// The DOS time: bits 15–11 hours, 10–5 minutes, 4–0 seconds divided by two.
    public let dosTime: UInt16

    /// A timestamp from its raw DOS date and time fields, as read from an archive.
    public init(dosDate: UInt16, dosTime: UInt16) {
        self.dosDate = dosDate
        self.dosTime = dosTime
    }

    /// The wall-clock time of `date` in `timeZone`; years outside 1980–2107 are clamped to that range,
    /// since DOS dates cannot express them.
    ///
    /// Worked out with `RFC3339`'s integer calendar arithmetic: every package has one, and a Foundation
    /// `Calendar` costs more than the rest of the ZIP records.
    public init(_ date: Date, in timeZone: TimeZone = .current) {
        // Bounds far outside 1980–2107 keep the conversion to an integer in range (NaN counts as 1970).
        let seconds = Int64(exactly: min(max(date.timeIntervalSince1970, -1e11), 1e11).rounded(.down)) ?? 0
        let local = seconds + Int64(timeZone.secondsFromGMT(for: date))
        let days = local.floorDivided(by: 86_400)
        let (year, month, dayOfMonth) = RFC3339.civil(fromDays: Int(days))
        let second = Int(local - days * 86_400)
        guard year >= 1980 else {
            self.init(dosDate: 0x21, dosTime: 0)  // 1980-01-01 00:00:00
            return
        }
        guard year <= 2107 else {
            self.init(dosDate: 0xFF9F, dosTime: 0xBF7D)  // 2107-12-31 23:59:58
            return
        }
        let day = UInt16(year - 1980) << 9 | UInt16(month) << 5 | UInt16(dayOfMonth)
        let time = UInt16(second / 3600) << 11 | UInt16(second / 60 % 60) << 5 | UInt16(second % 60 / 2)
        self.init(dosDate: day, dosTime: time)
    }

    /// The current time in the local time zone.
    public static var now: ZIPTimestamp { ZIPTimestamp(Date()) }

    /// The calendar fields (year, month, day, hour, minute, second) this timestamp encodes.
    public var components: DateComponents {
        DateComponents(year: 1980 + Int(dosDate >> 9), month: Int(dosDate >> 5 & 0xF), day: Int(dosDate & 0x1F),
                       hour: Int(dosTime >> 11), minute: Int(dosTime >> 5 & 0x3F), second: Int(dosTime & 0x1F) * 2)
    }
}
