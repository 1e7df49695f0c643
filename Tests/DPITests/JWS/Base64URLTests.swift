import DPI
import Foundation
import Testing

@Suite("Base64URL")
struct Base64URLTests {
    @Test("RFC 4648 test vectors encode without padding and decode back", arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ])
    func rfcVectors(plain: String, encoded: String) {
        #expect(Base64URL.encode(Data(plain.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Data(plain.utf8))
    }

    @Test("the URL-safe alphabet replaces + and / with - and _")
    func urlSafeAlphabet() {
        let bytes = Data([0xFB, 0xFF, 0xBF])
        #expect(bytes.base64EncodedString() == "+/+/")
        #expect(Base64URL.encode(bytes) == "-_-_")
        #expect(Base64URL.decode("-_-_") == bytes)
    }

    @Test("every length up to 200 bytes agrees with Foundation's base64 and round-trips")
    func agreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        for count in 0...200 {
            let bytes = Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let expected = bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == expected)
            #expect(Base64URL.decode(expected) == bytes)
        }
    }

    @Test("padding, characters outside the alphabet and impossible lengths are rejected",
          arguments: ["Zg==", "Zm8=", "Z", "Zm9vY", "Zm+v", "Zm/v", "Zm 9v", "Zm9v\n", "Zm.v", "Zmé"])
    func rejectsInvalid(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }
}
