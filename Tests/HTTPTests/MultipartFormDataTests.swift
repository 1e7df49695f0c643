import Foundation
import HTTP
import Testing

@Suite("MultipartFormData parser")
struct MultipartFormDataTests {
    static let body = Data("""
        preamble to ignore\r
        --XyZ\r
        Content-Disposition: form-data; name="forretningsmelding"; filename="sbd.jwt"\r
        Content-Type: application/jwt\r
        \r
        a.b.c\r
        --XyZ\r
        Content-Disposition: form-data; name="note"\r
        \r
        line one\r
        line two with --XyZ inside\r
        --XyZ\r
        \r
        no headers\r
        --XyZ--\r
        epilogue
        """.utf8)

    @Test func partsNamesFileNamesTypesAndBytesAreRead() throws {
        let form = try MultipartFormData(body: Self.body, contentType: "multipart/form-data; boundary=XyZ")
        #expect(form.parts.map(\.name) == ["forretningsmelding", "note", nil])
        #expect(form.parts.map(\.filename) == ["sbd.jwt", nil, nil])
        #expect(form.parts.map(\.contentType) == ["application/jwt", nil, nil])
        #expect(form.parts.map { String(decoding: $0.body, as: UTF8.self) }
            == ["a.b.c", "line one\r\nline two with --XyZ inside", "no headers"])
        #expect(form.part(named: "forretningsmelding")?.headers.count == 2)
    }

    @Test func quotedBoundaryAndParametersAreUnquoted() throws {
        let disposition = "Content-Disposition: form-data; name=\"x\\\"y\"; filename=\"c;d.txt\""
        let body = Data("--a;b\r\n\(disposition)\r\n\r\nv\r\n--a;b--".utf8)
        let contentType = "Multipart/Form-Data; charset=utf-8; boundary=\"a;b\""
        let form = try MultipartFormData(body: body, contentType: contentType)
        #expect(form.parts.count == 1)
        #expect(form.parts.first?.name == "x\"y")
        #expect(form.parts.first?.filename == "c;d.txt")
        #expect(form.parts.first?.body == Data("v".utf8))
    }

    static let malformed: [(String, String)] = [
        ("--XyZ\r\n\r\nbody", "multipart/form-data; boundary=XyZ"),
        ("no delimiter at all", "multipart/form-data; boundary=XyZ"),
        ("--XyZ\r\nContent-Type: x\r\nbody never separated", "multipart/form-data; boundary=XyZ"),
        ("--XyZjunk\r\n\r\nbody\r\n--XyZ--", "multipart/form-data; boundary=XyZ"),
        ("--XyZ\r\nno colon\r\n\r\nbody\r\n--XyZ--", "multipart/form-data; boundary=XyZ"),
        ("--XyZ--", "application/json"),
        ("--XyZ--", "multipart/form-data"),
        ("--XyZ--", "multipart/form-data; boundary="),
    ]

    @Test(arguments: malformed)
    func malformedBodyOrContentTypeThrows(body: String, contentType: String) {
        #expect(throws: HTTPError.self) { try MultipartFormData(body: Data(body.utf8), contentType: contentType) }
    }

    @Test func everyTruncationEitherParsesOrThrows() throws {
        // Every prefix of a valid body is a possible upload cut short; none may crash the parser.
        var parsed = 0
        for length in 0...Self.body.count {
            let prefix = Self.body.prefix(length)
            if let form = try? MultipartFormData(body: prefix, contentType: "multipart/form-data; boundary=XyZ") {
                parsed += 1
                #expect(form.parts.count == 3)
            }
        }
        // Only prefixes that include the close delimiter "--XyZ--" are complete bodies.
        #expect(parsed == Self.body.count - Self.body.firstRange(of: Data("--XyZ--".utf8))!.upperBound + 1)
    }
}
