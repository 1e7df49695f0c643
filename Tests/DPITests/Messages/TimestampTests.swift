import DPI
import Foundation
import Testing

@Suite("RFC 3339 timestamps")
struct TimestampTests {
    @Test("date-times of the official files are written back exactly", arguments: [
        "2022-03-16T14:16:08.903+01:00", "2022-03-16T00:00:00+01:00", "2021-05-10T00:31:52Z",
        "2023-11-15T21:02:32.581+01:00", "2024-02-29T23:59:59.001-03:30", "1969-12-31T23:59:59.999Z",
    ])
    func roundTrips(_ text: String) throws {
        #expect(try Timestamp(rfc3339: text).description == text)
    }

    @Test("equivalent spellings parse to the same instant", arguments: [
        ("2022-03-16T13:16:08.903Z", "2022-03-16T14:16:08.903+01:00"),
        ("2022-03-16t14:16:08.9030+01:00", "2022-03-16T14:16:08.903+01:00"),
        ("2022-03-16T14:16:08.9+01:00", "2022-03-16T14:16:08.900+01:00"),
        ("2022-03-16T14:16:08.903999+01:00", "2022-03-16T14:16:08.903+01:00"),
        ("2022-03-16T14:16:08z", "2022-03-16T14:16:08Z"),
    ])
    func equivalentSpellings(_ lhs: String, _ rhs: String) throws {
        #expect(try Timestamp(rfc3339: lhs).millisecondsSince1970 == Timestamp(rfc3339: rhs).millisecondsSince1970)
    }

    @Test("malformed date-times are rejected", arguments: [
        "", "2022-03-16", "2022-03-16T14:16:08", "2022-03-16T14:16:08+0100", "2022-02-30T00:00:00Z",
        "2022-13-01T00:00:00Z", "2022-03-16T24:00:00Z", "2022-03-16T14:16:08.+01:00", "2022-03-16 14:16:08Z",
        "2022-03-16T14:16:08.903+01:00 ",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(throws: DPIError.self) { try Timestamp(rfc3339: text) }
    }

    @Test("a Date is rounded to the millisecond and written in Norwegian time by default")
    func fromDate() {
        let winter = Timestamp(Date(timeIntervalSince1970: 1_647_436_568.903))
        #expect(winter.description == "2022-03-16T14:16:08.903+01:00")
        let summer = Timestamp(Date(timeIntervalSince1970: 1_657_436_568.0004))
        #expect(summer.description == "2022-07-10T09:02:48+02:00")
        #expect(Timestamp(Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC")!).description
            == "1970-01-01T00:00:00Z")
    }

    @Test("adding seconds keeps the offset, as for the 24-hour expected response time")
    func adding() throws {
        let created = try Timestamp(rfc3339: "2022-03-16T14:16:08.903+01:00")
        #expect(created.adding(seconds: 86_400).description == "2022-03-17T14:16:08.903+01:00")
    }
}
