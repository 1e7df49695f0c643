/// Formats and parses RFC 3339 date-times with plain integer calendar arithmetic (Howard Hinnant's
/// days-from-civil), so the result does not depend on the locale or Foundation's formatters.
enum RFC3339 {
    /// `timestamp` in its own offset; the milliseconds are left out when zero unless `alwaysMilliseconds`.
    static func format(_ timestamp: Timestamp, alwaysMilliseconds: Bool = false) -> String {
        let local = timestamp.millisecondsSince1970 + Int64(timestamp.utcOffsetSeconds) * 1000
        let millisecondsPerDay: Int64 = 86_400_000
        let days = local.floorDivided(by: millisecondsPerDay)
        let inDay = Int(local - days * millisecondsPerDay)
        let (year, month, day) = civil(fromDays: Int(days))
        let seconds = inDay / 1000, fraction = inDay % 1000
        // Written as ASCII digits into one small buffer: this runs several times per letter.
        var text: [UInt8] = []
        text.reserveCapacity(29)
        appendDigits(year, 4, to: &text)
        text.append(UInt8(ascii: "-"))
        appendDigits(month, 2, to: &text)
        text.append(UInt8(ascii: "-"))
        appendDigits(day, 2, to: &text)
        text.append(UInt8(ascii: "T"))
        appendDigits(seconds / 3600, 2, to: &text)
        text.append(UInt8(ascii: ":"))
        appendDigits(seconds / 60 % 60, 2, to: &text)
        text.append(UInt8(ascii: ":"))
        appendDigits(seconds % 60, 2, to: &text)
        if fraction != 0 || alwaysMilliseconds {
            text.append(UInt8(ascii: "."))
            appendDigits(fraction, 3, to: &text)
        }
        let offset = timestamp.utcOffsetSeconds
        if offset == 0 {
            text.append(UInt8(ascii: "Z"))
        } else {
            let minutes = abs(offset) / 60
            text.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            appendDigits(minutes / 60, 2, to: &text)
            text.append(UInt8(ascii: ":"))
            appendDigits(minutes % 60, 2, to: &text)
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func parse(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...BirthDate.days(inMonth: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19, milliseconds = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, (48...57).contains(bytes[index]) {
                if digits < 3 { milliseconds = milliseconds * 10 + Int(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) { milliseconds *= 10 }
        }
        guard let offset = parseOffset(bytes[index...]) else { return nil }
        let days = Int64(daysFromCivil(year: year, month: month, day: day))
        let local = ((days * 24 + Int64(hour)) * 60 + Int64(minute)) * 60 + Int64(second)
        return Timestamp(millisecondsSince1970: (local - Int64(offset)) * 1000 + Int64(milliseconds),
                         utcOffsetSeconds: offset)
    }

    private static func parseOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        let rest = Array(bytes)
        if rest == [UInt8(ascii: "Z")] || rest == [UInt8(ascii: "z")] { return 0 }
        guard rest.count == 6, rest[0] == UInt8(ascii: "+") || rest[0] == UInt8(ascii: "-"),
              rest[3] == UInt8(ascii: ":"),
              rest[1...2].allSatisfy({ (48...57).contains($0) }), rest[4...5].allSatisfy({ (48...57).contains($0) })
        else { return nil }
        let hours = Int(rest[1] - 48) * 10 + Int(rest[2] - 48), minutes = Int(rest[4] - 48) * 10 + Int(rest[5] - 48)
        guard hours < 24, minutes < 60 else { return nil }
        return (rest[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `value` in decimal, zero-padded to at least `width` digits (a year past 9999 gets all its digits).
    private static func appendDigits(_ value: Int, _ width: Int, to text: inout [UInt8]) {
        guard value >= 0 else {
            text.append(UInt8(ascii: "-"))
            appendDigits(-value, width, to: &text)
            return
        }
        var divisor = 1, digits = 1
        while digits < width || value / divisor >= 10 {
            divisor *= 10
            digits += 1
        }
        while divisor > 0 {
            text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}

extension Int64 {
    /// Division rounding towards negative infinity (instants before 1970 still fall on the right day).
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
