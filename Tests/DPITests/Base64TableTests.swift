@testable import DPI
import Foundation
import Testing

@Suite("Base64Table")
struct Base64TableTests {
    @Test("the standard table agrees with Foundation's base64, padding included, for every length up to 200 bytes")
    func standardAgreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        for count in 0...200 {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let expected = Data(bytes).base64EncodedString()
            #expect(Base64Table.standard.padded(bytes) == expected, "\(count) bytes")
            #expect(Base64Table.standard.paddedBytes(Data(bytes)) == Array(expected.utf8), "\(count) bytes")
        }
    }

    @Test("RFC 4648 test vectors, and the last two values as + and /")
    func rfcVectors() {
        let vectors = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                       ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")]
        for (plain, encoded) in vectors {
            #expect(Base64Table.standard.padded(Data(plain.utf8)) == encoded)
        }
        #expect(Base64Table.standard.padded([0xFB, 0xFF, 0xBF]) == "+/+/")
    }
}
