import Foundation

/// The recipient row's own data that routing needs: its person id (none for print-only rows) and the
/// postal address to fall back to when the letter cannot go digitally.
public struct RecipientAddress: Sendable, Equatable {
    /// The 11-digit person id, or nil for a row meant for print only.
    public var personIdentifier: String?
    /// The recipient's name, as printed on the envelope.
    public var name: String
    /// The street address lines, in order; empty lines do not count.
    public var lines: [String]
    /// The Norwegian postal code (four digits), for Norwegian addresses.
    public var postalCode: String?
    /// The postal town, for Norwegian addresses.
    public var city: String?
    /// The country as a two-letter code; nil, empty or `NO` means Norway.
    public var countryCode: String?

    /// A recipient row's routing data.
    public init(personIdentifier: String?, name: String, lines: [String] = [], postalCode: String? = nil,
                city: String? = nil, countryCode: String? = nil) {
        self.personIdentifier = personIdentifier
        self.name = name
        self.lines = lines
        self.postalCode = postalCode
        self.city = city
        self.countryCode = countryCode
    }

    /// Whether the address can be printed on an envelope: a name and at least one line, and for Norway a
    /// four-digit postal code and a city, for abroad a country code (spec 4.3 "valid postal address").
    public var hasCompletePostalAddress: Bool {
        let trimmed = { (text: String?) in text?.trimmingCharacters(in: .whitespaces) ?? "" }
        guard !trimmed(name).isEmpty, lines.contains(where: { !trimmed($0).isEmpty }) else { return false }
        let country = trimmed(countryCode).uppercased()
        guard country.isEmpty || country == "NO" else { return true }
        let code = trimmed(postalCode)
        return code.count == 4 && code.allSatisfy(\.isASCII) && code.allSatisfy(\.isNumber)
            && !trimmed(city).isEmpty
    }
}
