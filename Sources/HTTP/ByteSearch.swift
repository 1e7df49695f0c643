import Foundation

/// Fast search for a byte pattern in a large buffer (a 50 MB upload must parse in milliseconds, also in
/// debug builds): memchr finds candidate first bytes, memcmp confirms.
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack` at or after `start`, or nil.
    static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = haystack.baseAddress, !needle.isEmpty, start >= 0 else { return nil }
        let last = haystack.count - needle.count
        var offset = start
        return needle.withUnsafeBytes { pattern in
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) else { return nil }
                let candidate = UnsafeRawPointer(hit) - base
                if memcmp(base + candidate, pattern.baseAddress!, pattern.count) == 0 { return candidate }
                offset = candidate + 1
            }
            return nil
        }
    }
}
