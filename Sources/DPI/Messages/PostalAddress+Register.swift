import Foundation

extension PostalAddress {
    /// Country names and codes that mean Norway, as the reference treats them (spec 5.4).
    private static let norway: Set<String> = ["", "norge", "norway", "no", "nor"]

    /// An address from register-style fields, following the reference's rule (spec 5.4): when the country is
    /// empty or Norway, a Norwegian address with postal code and city; otherwise a foreign address with the
    /// postal code and city folded into the first free address line and the country as a two-letter code
    /// (when it is one) or a name. Empty lines are dropped. Validate the result before use.
    public static func fromRegister(name: String, lines: [String], postalCode: String?, city: String?,
                                    country: String?) -> PostalAddress {
        let clean = { (text: String?) in text?.trimmingCharacters(in: .whitespaces) ?? "" }
        let lines = lines.map { clean($0) }.filter { !$0.isEmpty }
        let code = clean(postalCode), place = clean(city), land = clean(country)
        if norway.contains(land.lowercased()) {
            return .norwegian(name: name, lines: lines, postalCode: code, city: place)
        }
        let locality = [code, place].filter { !$0.isEmpty }.joined(separator: " ")
        let folded = locality.isEmpty ? lines : lines + [locality]
        let isCode = land.utf8.count == 2 && land.allSatisfy { $0.isASCII && $0.isLetter }
        return isCode ? .foreign(name: name, lines: folded, countryCode: land.uppercased())
            : .foreign(name: name, lines: folded, country: land)
    }
}
