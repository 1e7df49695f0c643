import DPI
import Testing

@Suite("Postal addresses from register fields")
struct PostalAddressTests {
    @Test("empty country, Norge or NO give a Norwegian address", arguments: [nil, "", "Norge", "NORWAY", "no"])
    func norwegian(_ country: String?) {
        let address = PostalAddress.fromRegister(name: "Ola", lines: ["Vei 1", " "], postalCode: "0150", city: "Oslo",
                                                 country: country)
        #expect(address == .norwegian(name: "Ola", lines: ["Vei 1"], postalCode: "0150", city: "Oslo"))
        #expect(LetterValidation().errors(in: letter(address)).isEmpty)
    }

    @Test("a foreign address folds postal code and city into a line and keeps one country field")
    func foreign() {
        let byName = PostalAddress.fromRegister(name: "Kari", lines: ["Hauptstraße 1"], postalCode: "12345",
                                                city: "Berlin", country: "Tyskland")
        #expect(byName == .foreign(name: "Kari", lines: ["Hauptstraße 1", "12345 Berlin"], country: "Tyskland"))
        let byCode = PostalAddress.fromRegister(name: "Kari", lines: ["Hauptstraße 1"], postalCode: nil,
                                                city: "Berlin", country: "de")
        #expect(byCode == .foreign(name: "Kari", lines: ["Hauptstraße 1", "Berlin"], countryCode: "DE"))
        #expect(LetterValidation().errors(in: letter(byName)).isEmpty)
        #expect(LetterValidation().errors(in: letter(byCode)).isEmpty)
    }

    @Test("a foreign address with four lines already gets a fifth and is then rejected, not truncated")
    func tooManyLines() {
        let address = PostalAddress.fromRegister(name: "Kari", lines: ["1", "2", "3", "4"], postalCode: "12345",
                                                 city: "Berlin", country: "DE")
        #expect(LetterValidation().errors(in: letter(address)).map(\.field) == ["mottaker.adresselinje1"])
    }

    private func letter(_ address: PostalAddress) -> PrintLetter {
        var letter = SampleLetters.print
        letter.recipient = address
        return letter
    }
}
