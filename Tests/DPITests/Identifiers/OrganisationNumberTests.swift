import DPI
import Testing

@Suite("Organisation numbers")
struct OrganisationNumberTests {
    @Test("accepts the organisation numbers of the official examples, bare and ISO 6523",
          arguments: ["991825827", "984661185", "922020175", "974761076", "810969342", "910076787"])
    func acceptsValidNumbers(_ digits: String) throws {
        let bare = try OrganisationNumber(digits)
        let prefixed = try OrganisationNumber("0192:" + digits)
        #expect(bare == prefixed)
        #expect(bare.rawValue == digits)
        #expect(bare.iso6523 == "0192:" + digits)
        #expect(bare.description == digits)
    }

    @Test("rejects malformed numbers, naming the rule broken", arguments: [
        ("991825828", "check digit"),
        ("991825820", "check digit"),
        ("99182582", "9 digits"),
        ("9918258271", "9 digits"),
        ("99182582a", "digits only"),
        ("", "9 digits"),
        ("9908:991825827", "prefix"),
        ("0192:", "9 digits"),
        ("0192:99182582X", "digits only"),
    ])
    func rejectsInvalidNumbers(_ text: String, _ rule: String) {
        #expect {
            try OrganisationNumber(text)
        } throws: { error in
            guard let error = error as? DPIError else { return false }
            return error.code == .invalidOrganisationNumber && error.description.contains(rule)
                && error.disposition == .reject
        }
    }

    @Test("a number whose computed check digit would be 10 is rejected for every last digit")
    func rejectsCheckDigitTen() throws {
        let weights = [3, 2, 7, 6, 5, 4, 3, 2]
        func remainder(_ text: String) -> Int {
            zip(text.compactMap(\.wholeNumberValue), weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
        }
        let candidates = (10_000_000..<10_001_000).map(String.init)
        let prefix = try #require(candidates.first { remainder($0) == 1 })
        for last in 0...9 {
            #expect(throws: DPIError.self) { try OrganisationNumber(prefix + String(last)) }
        }
    }
}
