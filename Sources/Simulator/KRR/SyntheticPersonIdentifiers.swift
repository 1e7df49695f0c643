/// Valid synthetic person identifiers (month + 80, as Tenor test users), deterministic and distinct:
/// the `n`-th element is always the same number. Dates of birth cycle through every day of 1940–1999
/// and the individual number (000–499, the 1900s range) advances once per cycle; candidates whose
/// modulus-11 control digits would be 10 do not exist and are skipped.
///
/// Capacity: about 9 million identifiers, far beyond any seed.
struct SyntheticPersonIdentifiers: Sequence, IteratorProtocol {
    private static let dates: [(day: Int, month: Int, year: Int)] = {
        var dates: [(Int, Int, Int)] = []
        for year in 40...99 {
            for month in 1...12 {
                for day in 1...days(inMonth: month, year: 1900 + year) {
                    dates.append((day, month, year))
                }
            }
        }
        return dates
    }()

    private var candidate = 0

    mutating func next() -> String? {
        while candidate < Self.dates.count * 500 {
            let date = Self.dates[candidate % Self.dates.count]
            let individual = candidate / Self.dates.count
            candidate += 1
            var digits = [date.day / 10, date.day % 10, (date.month + 80) / 10, (date.month + 80) % 10,
                          date.year / 10, date.year % 10, individual / 100, individual / 10 % 10, individual % 10]
            guard let first = Self.controlDigit(digits, weights: [3, 7, 6, 1, 8, 9, 4, 5, 2]) else { continue }
            digits.append(first)
            guard let second = Self.controlDigit(digits, weights: [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) else { continue }
            digits.append(second)
            return String(digits.map { Character(String($0)) })
        }
        return nil
    }

    /// The modulus-11 control digit, nil when it would be 10 (no such number).
    private static func controlDigit(_ digits: [Int], weights: [Int]) -> Int? {
        let remainder = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
        let digit = (11 - remainder) % 11
        return digit == 10 ? nil : digit
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 ? 29 : 28   // 1940–1999 only: no century years
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
