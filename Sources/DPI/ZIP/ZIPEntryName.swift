import Foundation

/// The entry-name rules shared by writer and reader: a name must stay inside the folder the archive
/// is extracted to, so that no entry can overwrite files elsewhere ("zip slip").
enum ZIPEntryName {
    /// Checks `name` and returns its UTF-8 bytes as stored in the archive.
    static func encode(_ name: String) throws -> Data {
        try check(name)
        let bytes = Data(name.utf8)
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
        let problem: String? =
            if name.isEmpty { "is empty" }
            else if name.utf8.contains(0) { "contains a NUL character" }
            else if name.utf8.contains(UInt8(ascii: "\\")) { "contains a backslash" }
            else if name.hasPrefix("/") { "is an absolute path" }
            else if name.dropFirst().first == ":" { "starts with a drive letter" }
            else if hasUnsafeComponent(name) { "has an empty, `.` or `..` path component" }
            else { nil }
        if let problem {
            throw DPIError(.zipUnsafeName, "an entry name \(problem); use a plain relative name",
                           details: "name \(name.debugDescription)")
        }
    }

    /// Whether a `/`-separated component (after one trailing `/`) is empty, `.` or `..`. Checked on the
    /// UTF-8 bytes, as an extracting tool sees the name, without splitting it into substrings.
    private static func hasUnsafeComponent(_ name: String) -> Bool {
        let slash = UInt8(ascii: "/")
        let bytes = name.utf8.last == slash ? name.utf8.dropLast() : name.utf8[...]
        var length = 0, onlyDots = true
        for byte in bytes {
            if byte == slash {
                if length <= 2 && onlyDots { return true }
                (length, onlyDots) = (0, true)
            } else {
                length += 1
                onlyDots = onlyDots && byte == UInt8(ascii: ".")
            }
        }
        return length <= 2 && onlyDots
    }
}
