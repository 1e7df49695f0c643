/// Builds person identifiers with correct control digits from their parts, so tests need no real numbers.
enum PersonNumbers {
    /// The first identifier with valid control digits for this date, searching individual numbers from
    /// `individualFrom` (individual numbers whose control digit would be 10 are skipped, as Skatteetaten does).
    static func make(day: Int, month: Int, year: Int, individualFrom: Int) -> String {
        for individual in individualFrom..<(individualFrom + 100) {
            let base = pad(day) + pad(month) + pad(year % 100) + String(individual)
            if let k1 = control(base, [3, 7, 6, 1, 8, 9, 4, 5, 2]),
               let k2 = control(base + String(k1), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) {
                return base + String(k1) + String(k2)
            }
        }
        return ""
    }

    /// The same number with its last digit changed, so the second control digit no longer matches.
    static func withWrongControlDigit(_ number: String) -> String {
        let last = number.last!.wholeNumberValue!
        return number.dropLast() + String((last + 1) % 10)
    }

    private static func control(_ digits: String, _ weights: [Int]) -> Int? {
        let sum = zip(digits.compactMap(\.wholeNumberValue), weights).reduce(0) { $0 + $1.0 * $1.1 }
        let digit = (11 - sum % 11) % 11
        return digit == 10 ? nil : digit
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
