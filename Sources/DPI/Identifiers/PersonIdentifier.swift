extension DPIError.Code {
    /// A person identifier (fødselsnummer or D-number) is malformed, has wrong control digits or no valid date.
    public static let invalidPersonIdentifier = DPIError.Code("invalid person identifier")
}

/// A Norwegian person identifier: an 11-digit fødselsnummer or D-number, used for the KRR lookup (spec 2.2).
///
/// It is personal data: `description`, `debugDescription` and the mirror show only the first six digits,
/// so the full number cannot leak into logs by interpolation; read `rawValue` where the digits are needed.
/// Errors never quote the number.
public struct PersonIdentifier: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    /// Which register issued the number.
    public enum Kind: Sendable, Hashable {
        /// An ordinary fødselsnummer.
        case birthNumber
        /// A D-number (first digit + 4), given to people without a fødselsnummer.
        case dNumber
    }

    /// The eleven digits.
    public let rawValue: String
    /// Whether this is a fødselsnummer or a D-number.
    public let kind: Kind
    /// True for synthetic test identities (month + 40 or month + 80, e.g. Tenor test users).
    public let isSynthetic: Bool
    /// The date of birth encoded in the number (year from the individual number's century rules).
    public let birthDate: BirthDate

    /// Parses and checks an 11-digit identifier: digits only, both modulus-11 control digits and a real
    /// date of birth. Synthetic numbers (month + 40 or + 80) are accepted only when `allowSynthetic` is set,
    /// as in test environments.
    ///
    /// - Throws: `DPIError` with code `invalidPersonIdentifier` naming the rule (length, digits, control
    ///   digit, date or synthetic) and never the number.
    public init(_ text: String, allowSynthetic: Bool = false) throws {
        guard text.utf8.count == 11 else { throw Self.invalid("must have 11 digits") }
        guard let digits = Mod11.digits(of: Substring(text)) else { throw Self.invalid("must contain digits only") }
        guard Mod11.controlDigit(digits.prefix(9), weights: [3, 7, 6, 1, 8, 9, 4, 5, 2]) == digits[9],
              Mod11.controlDigit(digits.prefix(10), weights: [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) == digits[10]
        else {
            throw Self.invalid("control digits do not match (modulus 11); check for a typing error")
        }
        var day = digits[0] * 10 + digits[1]
        var month = digits[2] * 10 + digits[3]
        kind = day > 40 ? .dNumber : .birthNumber
        if kind == .dNumber { day -= 40 }
        isSynthetic = month > 40
        if isSynthetic {
            guard allowSynthetic else {
                throw Self.invalid("is a synthetic test number, accepted only when synthetic numbers are allowed")
            }
            month -= month > 80 ? 80 : 40
        }
        let individual = digits[6] * 100 + digits[7] * 10 + digits[8]
        guard let year = Self.year(twoDigits: digits[4] * 10 + digits[5], individual: individual),
              let birthDate = BirthDate(year: year, month: month, day: day)
        else {
            throw Self.invalid("does not encode a valid date of birth")
        }
        self.birthDate = birthDate
        rawValue = text
    }

    /// The first six digits followed by `*****`: safe to log.
    public var description: String { rawValue.prefix(6) + "*****" }

    /// Same as `description`: the number stays masked in debug output too.
    public var debugDescription: String { "PersonIdentifier(\(description))" }

    /// A mirror with the masked number only, so `dump` and reflection do not reveal the digits.
    public var customMirror: Mirror { Mirror(self, children: ["masked": description]) }

    /// The full year from the two-digit year and the individual number (Skatteetaten's century rules).
    private static func year(twoDigits year: Int, individual: Int) -> Int? {
        switch individual {
        case 0...499: return 1900 + year
        case 500...749 where year >= 54: return 1800 + year
        case 500...999 where year <= 39: return 2000 + year
        case 900...999 where year >= 40: return 1900 + year
        default: return nil
        }
    }

    private static func invalid(_ rule: String) -> DPIError {
        DPIError(.invalidPersonIdentifier, "person identifier \(rule)", field: "personidentifikator")
    }
}
