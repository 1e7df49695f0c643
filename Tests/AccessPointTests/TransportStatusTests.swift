@testable import AccessPoint
import Foundation
import Testing

/// Transport status bodies (spec 10.3) decode into kinds, descriptions and dates; unknown kinds survive.
@Suite("Transport status: decoding")
struct TransportStatusTests {
    @Test("the documented example decodes, with and without beskrivelse")
    func example() throws {
        let body = #"[{"status":"OPPRETTET","beskrivelse":"mottatt","timestamp":"2021-06-29T05:49:47Z"},"#
            + #"{"status":"SENDT","timestamp":"2021-06-29T07:12:40Z"}]"#
        let statuses = try TransportStatus.list(from: Data(body.utf8))
        #expect(statuses == [
            TransportStatus(status: .opprettet, description: "mottatt",
                            timestamp: Date(timeIntervalSince1970: 1_624_945_787)),
            TransportStatus(status: .sendt, timestamp: Date(timeIntervalSince1970: 1_624_950_760)),
        ])
    }

    @Test("kinds map both ways; any other value is kept verbatim", arguments: [
        ("OPPRETTET", TransportStatus.Kind.opprettet), ("sendt", .sendt), ("FEILET", .feilet),
        ("LEVERT", .other("LEVERT")),
    ])
    func kinds(raw: String, kind: TransportStatus.Kind) {
        #expect(TransportStatus.Kind(rawValue: raw) == kind)
        #expect(kind.rawValue.uppercased() == raw.uppercased())
    }

    @Test("timestamps with fractions or offsets are read; anything else is nil")
    func timestamps() {
        #expect(TransportStatus.date("2021-06-29T07:12:40.250Z")?.timeIntervalSince1970 == 1_624_950_760.25)
        #expect(TransportStatus.date("2021-06-29T09:12:40+02:00")?.timeIntervalSince1970 == 1_624_950_760)
        #expect(TransportStatus.date("29.06.2021") == nil)
    }

    @Test("a body that is not an array of objects with a status is a malformed response", arguments: [
        "{}", "[{\"beskrivelse\":\"x\"}]", "<html/>", "",
    ])
    func malformed(body: String) {
        #expect(throws: AccessPointError(.malformedResponse, "")) {
            try TransportStatus.list(from: Data(body.utf8))
        }
    }
}
