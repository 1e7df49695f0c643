public import Foundation

/// A received `multipart/form-data` body (RFC 7578) split into its parts, so the simulator can read an
/// upload such as `forretningsmelding` + `dokumentpakke` (spec 10.2).
public struct MultipartFormData: Sendable {
    /// One part: its headers and raw bytes, with the `Content-Disposition` parameters picked out.
    public struct Part: Sendable {
        /// The part's own headers (`Content-Disposition`, `Content-Type`, ...).
        public var headers: HTTPHeaders
        /// The form field name (`name=`), if the part has one.
        public var name: String?
        /// The announced file name (`filename=`), if any.
        public var filename: String?
        /// The part's `Content-Type`, if any.
        public var contentType: String?
        /// The part's bytes, exactly as sent.
        public var body: Data
    }

    /// The parts in the order they were sent.
    public var parts: [Part]

    /// Parses `body` using the boundary from `contentType` (the request's `Content-Type` header value).
    /// Throws `HTTPError(.malformedMultipart)` for a missing boundary, a missing delimiter or an
    /// unterminated part.
    public init(body: Data, contentType: String) throws {
        let (type, parameters) = HeaderValue.split(contentType)
        guard type == "multipart/form-data", let boundary = parameters["boundary"], !boundary.isEmpty,
            boundary.utf8.count <= 200
        else { throw HTTPError(.malformedMultipart, detail: "no multipart/form-data boundary in Content-Type") }
        parts = try body.withUnsafeBytes { try Self.parse($0, boundary: Array(boundary.utf8)) }
    }

    /// The first part whose form field name is `name`.
    public func part(named name: String) -> Part? {
        parts.first { $0.name == name }
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, boundary: [UInt8]) throws -> [Part] {
        let delimiter: [UInt8] = [13, 10, 45, 45] + boundary  // CRLF "--" boundary
        var position: Int
        if bytes.starts(with: delimiter.dropFirst(2)) {
            position = delimiter.count - 2
        } else if let found = ByteSearch.find(delimiter, in: bytes, from: 0) {
            position = found + delimiter.count
        } else {
            throw HTTPError(.malformedMultipart, detail: "boundary delimiter not found")
        }
        var parts: [Part] = []
        while true {
            if bytes[position...].starts(with: [45, 45]) { return parts }  // "--": close delimiter
            while position < bytes.count && (bytes[position] == 0x20 || bytes[position] == 0x09) {
                position += 1
            }
            guard bytes[position...].starts(with: [13, 10]) else {
                throw HTTPError(.malformedMultipart, detail: "no line break after boundary delimiter")
            }
            position += 2
            let headerEnd: Int
            let contentStart: Int
            if bytes[position...].starts(with: [13, 10]) {
                (headerEnd, contentStart) = (position, position + 2)
            } else if let found = ByteSearch.find([13, 10, 13, 10], in: bytes, from: position) {
                (headerEnd, contentStart) = (found, found + 4)
            } else {
                throw HTTPError(.malformedMultipart, detail: "part \(parts.count + 1) has unterminated headers")
            }
            guard let contentEnd = ByteSearch.find(delimiter, in: bytes, from: contentStart) else {
                throw HTTPError(.malformedMultipart, detail: "part \(parts.count + 1) is not terminated")
            }
            let headers = try partHeaders(UnsafeRawBufferPointer(rebasing: bytes[position..<headerEnd]))
            parts.append(part(headers: headers, body: Data(bytes[contentStart..<contentEnd])))
            position = contentEnd + delimiter.count
        }
    }

    private static func partHeaders(_ bytes: UnsafeRawBufferPointer) throws -> HTTPHeaders {
        var headers = HTTPHeaders()
        for line in bytes.split(separator: 10) {
            let line = line.last == 13 ? line.dropLast() : line
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
                throw HTTPError(.malformedMultipart, detail: "malformed part header line")
            }
            let name = String(decoding: line[..<colon], as: UTF8.self)
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self)
            headers.add(name: name.trimmingCharacters(in: .whitespaces),
                        value: value.trimmingCharacters(in: .whitespaces))
        }
        return headers
    }

    private static func part(headers: HTTPHeaders, body: Data) -> Part {
        let disposition = headers.first(name: "Content-Disposition").map(HeaderValue.split)?.parameters ?? [:]
        return Part(headers: headers, name: disposition["name"], filename: disposition["filename"],
                    contentType: headers.first(name: "Content-Type"), body: body)
    }
}
