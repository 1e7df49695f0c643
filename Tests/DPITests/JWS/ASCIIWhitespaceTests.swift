import DPI
import Testing

@Suite struct ASCIIWhitespaceTests {
    @Test(arguments: [
        ("  eyJ.a.b\n", "eyJ.a.b"), ("\r\n\teyJ.a.b \r\n", "eyJ.a.b"), ("eyJ.a.b", "eyJ.a.b"), (" \n\t ", ""),
        ("", ""), ("a b", "a b"), (" æøå ", "æøå"), ("\u{00A0}x\u{00A0}", "\u{00A0}x\u{00A0}"),
    ])
    func trimsOnlyASCIISpacesTabsAndLineBreaks(input: String, expected: String) {
        #expect(input.trimmingASCIIWhitespace() == expected)
    }
}
