public import Foundation

extension PipelineDefinition {
    /// When a run may send (`schedule`).
    public struct Schedule: Codable, Sendable, Equatable {
        /// The daily window sending is allowed in; nil (the default) means any time.
        public let sendWindow: SendWindow?

        init(sendWindow: SendWindow? = nil) {
            self.sendWindow = sendWindow
        }

        /// Whether sending is allowed at `date`: always without a window.
        public func isOpen(at date: Date) -> Bool {
            sendWindow?.isOpen(at: date) ?? true
        }

        /// The first instant at or after `date` when sending is allowed: `date` itself when open, else the
        /// next opening; nil when the window never opens.
        public func nextOpening(after date: Date) -> Date? {
            guard let sendWindow else { return date }
            return sendWindow.nextOpening(after: date)
        }
    }

    /// A daily send window: `{"from": "07:00", "to": "21:00", "timeZone": "Europe/Oslo", "days": ["mon", ...]}`.
    /// Open from `from` (inclusive) to `to` (exclusive) local time on the listed days; `to` must be after
    /// `from` (no window across midnight). `timeZone` defaults to `Europe/Oslo`, `days` to every day.
    public struct SendWindow: Codable, Sendable, Equatable {
        /// A day of the week, as written in `days`.
        public enum Day: String, Codable, Sendable, CaseIterable {
            /// Monday to Sunday, by their three-letter English names.
            case mon, tue, wed, thu, fri, sat, sun

            /// `Calendar`'s weekday number (1 = Sunday).
            var weekday: Int { Day.allCases.firstIndex(of: self).map { ($0 + 1) % 7 + 1 } ?? 1 }
        }

        /// Minutes after local midnight the window opens.
        public let fromMinute: Int
        /// Minutes after local midnight the window closes.
        public let toMinute: Int
        /// The zone `from`, `to` and `days` are read in.
        public let timeZone: TimeZone
        /// The days the window opens on.
        public let days: Set<Day>

        enum CodingKeys: String, CodingKey {
            case from, to, timeZone, days
        }

        /// Reads `HH:MM` times, an IANA zone name and day names; a malformed one is an error saying the form.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func minute(_ key: CodingKeys) throws -> Int {
                let text = try container.decode(String.self, forKey: key)
                guard let minute = Self.minute(of: text) else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                           debugDescription: "must be a time HH:MM such as 07:00")
                }
                return minute
            }
            fromMinute = try minute(.from)
            toMinute = try minute(.to)
            let zone = try container.decodeIfPresent(String.self, forKey: .timeZone) ?? "Europe/Oslo"
            guard let timeZone = TimeZone(identifier: zone) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .timeZone, in: container, debugDescription: "must be an IANA time zone such as Europe/Oslo")
            }
            self.timeZone = timeZone
            let names = try container.decodeIfPresent([String].self, forKey: .days)
            let days = names?.compactMap(Day.init(rawValue:)) ?? Day.allCases
            guard days.count == names?.count ?? days.count else {
                throw DecodingError.dataCorruptedError(forKey: .days, in: container,
                                                       debugDescription: "must list day names mon, tue, wed, thu, fri, "
                                                           + "sat, sun")
            }
            self.days = Set(days)
        }

        /// Writes the form the file uses.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(Self.text(ofMinute: fromMinute), forKey: .from)
            try container.encode(Self.text(ofMinute: toMinute), forKey: .to)
            try container.encode(timeZone.identifier, forKey: .timeZone)
            try container.encode(Day.allCases.filter(days.contains).map(\.rawValue), forKey: .days)
        }

        /// Whether `date` falls inside the window.
        public func isOpen(at date: Date) -> Bool {
            let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
            let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
            return days.contains { $0.weekday == parts.weekday } && (fromMinute..<toMinute).contains(minute)
        }

        /// `date` when open, else the next opening within a week; nil when no day is listed.
        public func nextOpening(after date: Date) -> Date? {
            if isOpen(at: date) { return date }
            let startOfDay = calendar.startOfDay(for: date)
            for offset in 0...7 {
                guard let day = calendar.date(byAdding: .day, value: offset, to: startOfDay),
                      days.contains(where: { $0.weekday == calendar.component(.weekday, from: day) }),
                      let opening = calendar.date(bySettingHour: fromMinute / 60, minute: fromMinute % 60, second: 0,
                                                  of: day),
                      opening > date
                else { continue }
                return opening
            }
            return nil
        }

        private var calendar: Calendar {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            return calendar
        }

        static func minute(of text: String) -> Int? {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]),
                  let minute = Int(parts[1]), (0...24).contains(hour), (0..<60).contains(minute),
                  hour * 60 + minute <= 24 * 60
            else { return nil }
            return hour * 60 + minute
        }

        private static func text(ofMinute minute: Int) -> String {
            String(format: "%02d:%02d", minute / 60, minute % 60)
        }
    }
}
