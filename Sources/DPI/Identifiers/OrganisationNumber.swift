extension DPIError.Code {
    /// A Norwegian organisation number is malformed or has a wrong check digit.
    public static let invalidOrganisationNumber = DPIError.Code("invalid organisation number")
}

/// A Norwegian organisation number (Enhetsregisteret): nine digits, the last a modulus-11 check digit.
///
/// DPI writes it in ISO 6523 notation (`0192:991825827`) in business messages and the bare nine digits in
/// Maskinporten and KRR (spec 2.1); this type accepts both and produces either.
public struct OrganisationNumber: Hashable, Sendable, CustomStringConvertible {
    /// The ISO 6523 ICD for Enhetsregisteret, the prefix in `0192:991825827`.
    public static let icd = "0192"
    /// The authority string that accompanies ISO 6523 identifiers everywhere in DPI.
    public static let authority = "iso6523-actorid-upis"

    private static let weights = [3, 2, 7, 6, 5, 4, 3, 2]

    /// The nine digits, e.g. `991825827`.
    public let rawValue: String

    /// Parses `991825827` or `0192:991825827`, checking length, digits and the check digit.
    ///
    /// - Throws: `DPIError` with code `invalidOrganisationNumber` saying which rule failed.
    public init(_ text: String) throws {
        var digitsText = Substring(text)
        if let colon = text.firstIndex(of: ":") {
            guard text[..<colon] == Self.icd else {
                throw Self.invalid("has an ISO 6523 prefix other than \(Self.icd):; use 9 digits or 0192:<9 digits>")
            }
            digitsText = text[text.index(after: colon)...]
        }
        guard digitsText.utf8.count == 9 else {
            throw Self.invalid("must have 9 digits, found \(digitsText.count) characters")
        }
        guard let digits = Mod11.digits(of: digitsText) else { throw Self.invalid("must contain digits only") }
        guard Mod11.controlDigit(digits.prefix(8), weights: Self.weights) == digits[8] else {
            throw Self.invalid("check digit does not match (modulus 11); check for a typing error")
        }
        rawValue = String(digitsText)
    }

    /// The ISO 6523 form used in the SBDH and the business message: `0192:991825827`.
    public var iso6523: String { "\(Self.icd):\(rawValue)" }

    /// The nine digits (organisation numbers are public, so they are safe to log).
    public var description: String { rawValue }

    private static func invalid(_ rule: String) -> DPIError {
        DPIError(.invalidOrganisationNumber, "organisation number \(rule)")
    }
}
