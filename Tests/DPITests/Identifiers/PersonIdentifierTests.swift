import DPI
import Testing

@Suite("Person identifiers")
struct PersonIdentifierTests {
    struct Valid: CustomTestStringConvertible, Sendable {
        let label: String
        let number: String
        let kind: PersonIdentifier.Kind
        let synthetic: Bool
        let birthDate: (Int, Int, Int)
        var testDescription: String { label }
    }

    static let valid: [Valid] = [
        Valid(label: "fødselsnummer 1990",
              number: PersonNumbers.make(day: 15, month: 1, year: 1990, individualFrom: 123),
              kind: .birthNumber, synthetic: false, birthDate: (1990, 1, 15)),
        Valid(label: "fødselsnummer 2005",
              number: PersonNumbers.make(day: 29, month: 2, year: 2004, individualFrom: 523),
              kind: .birthNumber, synthetic: false, birthDate: (2004, 2, 29)),
        Valid(label: "fødselsnummer 1860",
              number: PersonNumbers.make(day: 31, month: 12, year: 1860, individualFrom: 600),
              kind: .birthNumber, synthetic: false, birthDate: (1860, 12, 31)),
        Valid(label: "fødselsnummer 1945 (individual 900-999)",
              number: PersonNumbers.make(day: 8, month: 5, year: 1945, individualFrom: 900),
              kind: .birthNumber, synthetic: false, birthDate: (1945, 5, 8)),
        Valid(label: "D-number", number: PersonNumbers.make(day: 41 + 9, month: 7, year: 1985, individualFrom: 200),
              kind: .dNumber, synthetic: false, birthDate: (1985, 7, 10)),
    ]

    @Test("accepts fødselsnumre and D-numbers with valid control digits and dates", arguments: valid)
    func acceptsValid(_ case_: Valid) throws {
        #expect(case_.number.count == 11)
        let identifier = try PersonIdentifier(case_.number)
        #expect(identifier.rawValue == case_.number)
        #expect(identifier.kind == case_.kind)
        #expect(identifier.isSynthetic == case_.synthetic)
        let (year, month, day) = case_.birthDate
        #expect(identifier.birthDate == BirthDate(year: year, month: month, day: day))
    }

    static let synthetic = [
        PersonNumbers.make(day: 15, month: 1 + 80, year: 1990, individualFrom: 123),
        PersonNumbers.make(day: 15, month: 1 + 40, year: 1990, individualFrom: 123),
        PersonNumbers.make(day: 41 + 2, month: 12 + 80, year: 2001, individualFrom: 510),
    ]

    @Test("synthetic test numbers (month + 80 or + 40) are accepted only when allowed", arguments: synthetic)
    func syntheticOnlyWhenAllowed(_ number: String) throws {
        #expect {
            try PersonIdentifier(number)
        } throws: { error in
            (error as? DPIError)?.description.contains("synthetic") == true
        }
        let identifier = try PersonIdentifier(number, allowSynthetic: true)
        #expect(identifier.isSynthetic)
        #expect((1...12).contains(identifier.birthDate.month))
    }

    static let invalid: [(String, String)] = [
        (PersonNumbers.withWrongControlDigit(valid[0].number), "control digits"),
        (String(valid[0].number.dropLast()), "11 digits"),
        (valid[0].number + "0", "11 digits"),
        ("1501901234a", "digits only"),
        ("", "11 digits"),
        (PersonNumbers.make(day: 30, month: 2, year: 1990, individualFrom: 123), "date of birth"),
        (PersonNumbers.make(day: 29, month: 2, year: 1990, individualFrom: 123), "date of birth"),
        (PersonNumbers.make(day: 15, month: 13, year: 1990, individualFrom: 123), "date of birth"),
        (PersonNumbers.make(day: 0, month: 1, year: 1990, individualFrom: 123), "date of birth"),
        (PersonNumbers.make(day: 1, month: 1, year: 1950, individualFrom: 600), "date of birth"),
    ]

    @Test("rejects bad numbers, naming the rule and never echoing the number", arguments: invalid)
    func rejectsInvalid(_ number: String, _ rule: String) {
        #expect {
            try PersonIdentifier(number, allowSynthetic: true)
        } throws: { error in
            guard let error = error as? DPIError else { return false }
            return error.code == .invalidPersonIdentifier && error.description.contains(rule)
                && (number.isEmpty || !error.debugDescription.contains(number))
        }
    }

    @Test("description, debug description, interpolation and dump show only the first six digits")
    func descriptionIsMasked() throws {
        let number = Self.valid[0].number
        let identifier = try PersonIdentifier(number)
        let masked = number.prefix(6) + "*****"
        #expect(identifier.description == masked)
        #expect("\(identifier)" == masked)
        var dumped = ""
        dump(identifier, to: &dumped)
        for text in [identifier.description, identifier.debugDescription, String(reflecting: identifier), dumped] {
            #expect(!text.contains(number))
            #expect(!text.contains(number.suffix(5)))
        }
    }
}
