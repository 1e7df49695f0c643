import Foundation

extension LetterValidation {
    /// The `adresseInformasjon` rules (spec 5.4): a name and 1–4 lines of at most 100 characters, then either
    /// the Norwegian form (4-digit postal code and city, no country) or the foreign form (exactly one of
    /// country name / two-letter code, no postal code or city) — the schema's `oneOf` rejects a mix.
    func checkAddress(_ address: PostalAddress, field: String, _ findings: inout Findings) {
        findings.require(!address.name.trimmingCharacters(in: .whitespaces).isEmpty, field + ".navn", "name is empty")
        findings.require((1...4).contains(address.lines.count), field + ".adresselinje1",
                         "address needs 1–4 address lines, has \(address.lines.count)")
        if let first = address.lines.first {
            findings.require(!first.trimmingCharacters(in: .whitespaces).isEmpty, field + ".adresselinje1",
                             "first address line is empty")
        }
        for (index, line) in address.lines.prefix(4).enumerated() {
            findings.requireLength(line, 0...100, field + ".adresselinje\(index + 1)", "address line \(index + 1)")
        }
        if address.isNorwegian {
            checkNorwegian(address, field: field, &findings)
        } else {
            checkForeign(address, field: field, &findings)
        }
    }

    private func checkNorwegian(_ address: PostalAddress, field: String, _ findings: inout Findings) {
        let code = address.postalCode ?? ""
        findings.require(code.utf8.count == 4 && code.utf8.allSatisfy { (48...57).contains($0) },
                         field + ".postnummer", "Norwegian postal code must be 4 digits")
        let city = address.city ?? ""
        findings.require(!city.trimmingCharacters(in: .whitespaces).isEmpty, field + ".poststed", "city is empty")
        findings.requireLength(city, 0...80, field + ".poststed", "city")
        findings.require(address.country == nil && address.countryCode == nil, field + ".land",
                         "a Norwegian address (postal code and city) must not also have a country")
    }

    private func checkForeign(_ address: PostalAddress, field: String, _ findings: inout Findings) {
        findings.require((address.country == nil) != (address.countryCode == nil), field + ".land",
                         "a foreign address needs exactly one of country name or country code")
        if let country = address.country {
            findings.requireLength(country, 1...80, field + ".land", "country name")
        }
        if let code = address.countryCode {
            findings.require(code.utf8.count == 2 && code.allSatisfy { $0.isASCII && $0.isLetter },
                             field + ".landkode", "country code must be two letters (ISO 3166-1 alpha-2)")
        }
    }
}
