/// A calendar date of birth as encoded in a person identifier; no time zone, no time.
public struct BirthDate: Hashable, Sendable, Comparable {
    /// The full year, e.g. 1990.
    public let year: Int
    /// 1–12.
    public let month: Int
    /// 1–31, valid for the month and year.
    public let day: Int

    /// A checked date, or nil when the day does not exist (30 February, 29 February in a common year).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Orders dates chronologically.
    public static func < (lhs: BirthDate, rhs: BirthDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The number of days of `month` in `year` (Gregorian leap years).
    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
