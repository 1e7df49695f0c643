@testable import DPI
import Foundation
import Testing

@Suite("ZIPChecksum")
struct ZIPChecksumTests {
    @Test("a part's checksum appended gives the CRC-32 of the whole, wherever the part lies and however long")
    func appendedPartEqualsWhole() {
        var generator = SystemRandomNumberGenerator()
        let whole = (0..<9000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for (start, end) in [(0, 0), (0, 1), (0, 9000), (1, 8999), (17, 5000), (4096, 9000), (8999, 9000), (300, 300)] {
            var checksum = ZIPChecksum()
            checksum.update(whole[..<start])
            checksum.append(ZIPChecksumPart(Array(whole[start..<end])))
            checksum.update(whole[end...])
            #expect(checksum.value == ZIPChecksum.of(whole), "part \(start)..<\(end)")
        }
    }

    @Test("the CRC-32 is zlib's for the ZIP polynomial (check value of \"123456789\")")
    func checkValue() {
        #expect(ZIPChecksum.of(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZIPChecksumPart(Array("123456789".utf8)).crc32 == 0xCBF4_3926)
    }
}
