import Foundation

/// The entry-name rules shared by writer and reader: a name must stay inside the folder the archive
/// is extracted to, so that no entry can overwrite files elsewhere ("zip slip").
enum ZIPEntryName {
    /// Checks `name` and returns its UTF-8 bytes as stored in the archive.
    static func encode(_ name: String) throws -> [UInt8] {
        try check(name)
        let bytes = Array(name.utf8)
        guard bytes.count <= Int(UInt16.max) else {
            throw DPIError(.zipUnsafeName, "an entry name is longer than 65535 bytes; shorten it",
                           details: "\(bytes.count) bytes")
        }
        return bytes
    }

    /// Decodes stored name bytes; names must be UTF-8 (ASiC-E requires it) and pass `check`.
    static func decode(_ bytes: Data) throws -> String {
        guard let name = String(data: bytes, encoding: .utf8) else {
            throw DPIError(.zipUnsafeName, "an entry name is not valid UTF-8", details: "\(bytes.count) bytes")
        }
        try check(name)
        return name
    }

    /// Rejects empty names, NUL, backslashes, absolute paths, drive letters and `.`/`..` components.
    /// A trailing `/` (a directory entry) is allowed.
    static func check(_ name: String) throws {
        if let problem = problem(in: name) {
            throw DPIError(.zipUnsafeName, "an entry name \(problem); use a plain relative name",
                           details: "name \(name.debugDescription)")
        }
    }

    /// What is wrong with `name`, the first of the rules above it breaks, or nil. The bytes are read once,
    /// as an extracting tool sees them (every entry of every letter is checked).
    private static func problem(in name: String) -> String? {
        let bytes = name.utf8.span
        guard !bytes.isEmpty else { return "is empty" }
        let slash = UInt8(ascii: "/")
        // Components are the `/`-separated parts of the name without one trailing `/`.
        let componentsEnd = bytes[bytes.count - 1] == slash ? bytes.count - 1 : bytes.count
        var hasNUL = false, hasBackslash = false, hasColon = false, hasUnsafeComponent = false
        var length = 0, onlyDots = true
        for index in bytes.indices {
            let byte = bytes[index]
            switch byte {
            case 0: hasNUL = true
            case UInt8(ascii: "\\"): hasBackslash = true
            case UInt8(ascii: ":"): hasColon = true
            default: break
            }
            guard index < componentsEnd else { continue }
            if byte == slash {
                hasUnsafeComponent = hasUnsafeComponent || (length <= 2 && onlyDots)
                (length, onlyDots) = (0, true)
            } else {
                length += 1
                onlyDots = onlyDots && byte == UInt8(ascii: ".")
            }
        }
        hasUnsafeComponent = hasUnsafeComponent || (length <= 2 && onlyDots)
        return if hasNUL { "contains a NUL character" }
            else if hasBackslash { "contains a backslash" }
            else if bytes[0] == slash { "is an absolute path" }
            else if hasColon && name.dropFirst().first == ":" { "starts with a drive letter" }
            else if hasUnsafeComponent { "has an empty, `.` or `..` path component" }
            else { nil }
    }
}
