import Foundation
import Testing

@testable import Mailing

@Suite struct PipelineFileScheduleTests {
    /// Weekdays 07:00–21:00 Oslo time. 2027-01-04 is a Monday; Oslo is UTC+1 in January.
    private static let weekdays = #"{"from": "07:00", "to": "21:00", "days": ["mon", "tue", "wed", "thu", "fri"]}"#

    private func window(_ json: String = weekdays) throws -> PipelineDefinition.Schedule {
        try JSONDecoder().decode(PipelineDefinition.Schedule.self, from: Data(#"{"sendWindow": \#(json)}"#.utf8))
    }

    private func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test(arguments: [
        ("2027-01-04T06:00:00Z", true),   // Monday 07:00 Oslo: opening minute included
        ("2027-01-04T19:59:00Z", true),   // 20:59
        ("2027-01-04T20:00:00Z", false),  // 21:00: closing minute excluded
        ("2027-01-04T05:59:00Z", false),  // 06:59
        ("2027-01-09T10:00:00Z", false),  // Saturday
    ])
    func isOpenOnListedDaysBetweenFromAndTo(instant: String, open: Bool) throws {
        #expect(try window().isOpen(at: utc(instant)) == open)
    }

    @Test(arguments: [
        ("2027-01-04T10:00:00Z", "2027-01-04T10:00:00Z"),  // open: the instant itself
        ("2027-01-04T05:00:00Z", "2027-01-04T06:00:00Z"),  // before opening: today 07:00 Oslo
        ("2027-01-04T20:30:00Z", "2027-01-05T06:00:00Z"),  // after closing: tomorrow
        ("2027-01-08T20:30:00Z", "2027-01-11T06:00:00Z"),  // Friday evening: Monday
        ("2027-03-27T22:00:00Z", "2027-03-29T05:00:00Z"),  // across the change to summer time: UTC+2
    ])
    func nextOpeningIsTheInstantWhenOpenElseTheNextStart(instant: String, expected: String) throws {
        #expect(try window().nextOpening(after: utc(instant)) == utc(expected))
    }

    @Test func noWindowMeansAlwaysOpen() throws {
        let schedule = try JSONDecoder().decode(PipelineDefinition.Schedule.self,
                                                from: Data(#"{"sendWindow": null}"#.utf8))
        let now = Date()
        #expect(schedule.isOpen(at: now) && schedule.nextOpening(after: now) == now)
    }

    @Test func otherTimeZonesAndEveryDayByDefault() throws {
        let window = try window(#"{"from": "09:00", "to": "10:00", "timeZone": "UTC"}"#)
        #expect(window.isOpen(at: utc("2027-01-09T09:30:00Z")))
        #expect(window.sendWindow?.days.count == 7)
    }

    @Test func malformedWindowsAreRefusedWithTheForm() throws {
        for json in [#"{"from": "7:00", "to": "21:00"}"#, #"{"from": "07:00", "to": "21:00", "days": ["monday"]}"#,
                     #"{"from": "07:00", "to": "21:00", "timeZone": "Mars/Base"}"#] {
            #expect(throws: DecodingError.self, "\(json)") { try window(json) }
        }
    }
}
