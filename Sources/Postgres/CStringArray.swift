/// Lends an array of optional Swift strings to C as `const char *const *`, all copied into one buffer that
/// lives exactly as long as the call (no `strdup`/`free` per value).
func withCStringArray<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) throws -> R) rethrows -> R {
    var buffer: [CChar] = []
    buffer.reserveCapacity(strings.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 1 })
    var offsets: [Int?] = []
    offsets.reserveCapacity(strings.count)
    for string in strings {
        guard let string else {
            offsets.append(nil)
            continue
        }
        offsets.append(buffer.count)
        buffer.append(contentsOf: string.utf8.map { CChar(bitPattern: $0) })
        buffer.append(0)
    }
    return try buffer.withUnsafeBufferPointer { storage in
        try body(offsets.map { offset in offset.map { storage.baseAddress! + $0 } })
    }
}
