/// The modulus-11 control digit used by Norwegian organisation numbers and person identifiers.
enum Mod11 {
    /// The control digit for `digits` weighted by `weights` (same length), or nil when the remainder makes
    /// the number impossible (a computed digit of 10).
    static func controlDigit(_ digits: some Sequence<Int>, weights: [Int]) -> Int? {
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let digit = (11 - sum % 11) % 11
        return digit == 10 ? nil : digit
    }

    /// The decimal digits of an ASCII string, or nil when any character is not `0`–`9`.
    static func digits(of text: Substring) -> [Int]? {
        var digits: [Int] = []
        digits.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            digits.append(Int(byte - UInt8(ascii: "0")))
        }
        return digits
    }
}
