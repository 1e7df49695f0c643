import Foundation

/// `timestamptz` text conversion in UTC with microseconds, without `DateFormatter` (which drops microseconds
/// and is slow enough to matter in COPY). Civil-date arithmetic after Howard Hinnant's `days_from_civil`.
enum Timestamp {
    private static let microsPerSecond: Int64 = 1_000_000
    private static let secondsPerDay: Int64 = 86_400

    /// `YYYY-MM-DD HH:MM:SS.ffffff+00` for the date rounded to the microsecond.
    static func text(for date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * Double(microsPerSecond)).rounded())
        let seconds = floorDiv(micros, microsPerSecond)
        let fraction = micros - seconds * microsPerSecond
        let days = floorDiv(seconds, secondsPerDay)
        let secondOfDay = seconds - days * secondsPerDay
        let (year, month, day) = civil(fromDays: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + " "
            + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
            + "." + pad(fraction, 6) + "+00"
    }

    /// Parses ISO-style output such as `2026-01-02 03:04:05.678901+00`, `…05+05:30` or `infinity`.
    static func date(from text: String) throws -> Date {
        switch text {
        case "infinity": return .distantFuture
        case "-infinity": return .distantPast
        default: break
        }
        var scanner = Scanner(text)
        let year = try scanner.number(), _ = try scanner.expect("-")
        let month = try scanner.number(), _ = try scanner.expect("-")
        let day = try scanner.number(), _ = try scanner.expect(" ")
        let hour = try scanner.number(), _ = try scanner.expect(":")
        let minute = try scanner.number(), _ = try scanner.expect(":")
        let second = try scanner.number()
        var micros: Int64 = 0
        if scanner.skip(".") {
            let digits = scanner.digits()
            guard !digits.isEmpty, digits.count <= 6, let value = Int64(digits) else { throw formatError }
            micros = value * Int64(pow(10, Double(6 - digits.count)))
        }
        let offset = try scanner.utcOffsetSeconds()
        guard scanner.isAtEnd, (1...12).contains(month), (1...31).contains(day) else { throw formatError }
        let seconds = days(fromCivil: year, month, day) * secondsPerDay + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(micros) / Double(microsPerSecond))
    }

    static let formatError = TextFormatError(description: "not an ISO timestamptz (YYYY-MM-DD HH:MM:SS[.ffffff]+TZ)")

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A cursor over the UTF-8 of a timestamp.
private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var isAtEnd: Bool { index == bytes.count }

    mutating func digits() -> String {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func number() throws -> Int64 {
        guard let value = Int64(digits()) else { throw Timestamp.formatError }
        return value
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func expect(_ character: Unicode.Scalar) throws {
        guard skip(character) else { throw Timestamp.formatError }
    }

    /// `+HH`, `+HH:MM` or `+HH:MM:SS` (or `-`), as seconds east of UTC.
    mutating func utcOffsetSeconds() throws -> Int64 {
        let sign: Int64 = skip("+") ? 1 : (skip("-") ? -1 : 0)
        guard sign != 0 else { throw Timestamp.formatError }
        var seconds = try number() * 3600
        if skip(":") { seconds += try number() * 60 }
        if skip(":") { seconds += try number() }
        return sign * seconds
    }
}
