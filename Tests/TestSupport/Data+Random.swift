public import Foundation

extension Data {
    /// `count` random bytes covering all 256 values (CR, LF and '-' included, which parsers must survive).
    public static func random(count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        var data = Data(count: count)
        data.withUnsafeMutableBytes { raw in
            let words = raw.bindMemory(to: UInt64.self)
            for index in words.indices {
                words[index] = generator.next()
            }
            for index in words.count * 8 ..< count {
                raw[index] = generator.next()
            }
        }
        return data
    }
}
