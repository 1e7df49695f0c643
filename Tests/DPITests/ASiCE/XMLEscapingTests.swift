@testable import DPI
import Testing

/// `XMLEscaping.isLegal` reads UTF-8 bytes for speed; it must agree with XML 1.0's `Char` production
/// stated on Unicode scalars.
@Suite struct XMLEscapingTests {
    static func isCharProduction(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xFFFD, 0x10000...: true
            default: false
            }
        }
    }

    @Test("legal characters are those of XML's Char production", arguments: [
        "", "Vedtak om skatt", "tab\tLF\nCR\r", "bjørn æøå", "smiley 😀", "DEL \u{7F} and C1 \u{85}",
        "\u{FFFD} replacement", "\u{FFFE}", "x\u{FFFF}", "\u{FFEF}\u{FEFF}\u{EFBF}", "\u{10000}\u{10FFFF}",
        "\u{0}", "bell \u{7}", "\u{1F}", "unit \u{1F} separator", "ends with \u{FFFF}",
    ])
    func legalityMatchesTheCharProduction(_ value: String) {
        #expect(XMLEscaping.isLegal(value) == Self.isCharProduction(value), "\(value.unicodeScalars.map(\.value))")
    }

    @Test func everyScalarOfTheFirstPlaneIsJudgedAsTheCharProductionJudgesIt() {
        for scalar in (0...0xFFFF).compactMap(Unicode.Scalar.init) {
            let value = "a" + String(Character(scalar)) + "b"
            guard XMLEscaping.isLegal(value) == Self.isCharProduction(value) else {
                Issue.record("U+\(String(scalar.value, radix: 16, uppercase: true))")
                return
            }
        }
    }
}
