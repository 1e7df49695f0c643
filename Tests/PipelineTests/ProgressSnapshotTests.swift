import Pipeline
import Testing

/// The progress line a person reads, as a table.
@Suite struct ProgressSnapshotTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let snapshot: ProgressSnapshot
        let line: String
        var testDescription: String { line }

        init(_ done: Int, of total: Int, rate: Double, eta: Double?, states: [String: Int] = [:], _ line: String) {
            snapshot = ProgressSnapshot(total: total, done: done, countsByState: states, elapsed: 1,
                                        lettersPerSecond: rate, eta: eta)
            self.line = line
        }
    }

    static let rows: [Row] = [
        Row(1_234, of: 10_000, rate: 250, eta: 35, states: ["submitted": 1_200, "unreachable": 30, "rejected": 4],
            "1,234/10,000 letters  250/s  ETA 0:35  submitted 1,200 · unreachable 30 · rejected 4"),
        Row(0, of: 0, rate: 0, eta: 0, "0/0 letters  0.0/s  ETA 0:00"),
        Row(0, of: 500, rate: 0, eta: nil, "0/500 letters  0.0/s  ETA --"),
        Row(3, of: 1_000_000, rate: 2.46, eta: 406_503.1,
            states: ["rejected": 1, "submitted": 1, "unreachable": 1],
            "3/1,000,000 letters  2.5/s  ETA 112:55:04  rejected 1 · submitted 1 · unreachable 1"),
        Row(999_999, of: 1_000_000, rate: 12_345.6, eta: 0.01, states: ["submitted": 999_999],
            "999,999/1,000,000 letters  12,346/s  ETA 0:01  submitted 999,999"),
        Row(7_200, of: 10_800, rate: 9.96, eta: 3_600, "7,200/10,800 letters  10/s  ETA 1:00:00"),
        Row(100, of: 700, rate: 10, eta: 59.5, "100/700 letters  10/s  ETA 1:00"),
        Row(100, of: 700, rate: 1, eta: 600, "100/700 letters  1.0/s  ETA 10:00"),
    ]

    @Test("the line shows done/total, the rate, the ETA and the states most frequent first", arguments: rows)
    func line(row: Row) {
        #expect(row.snapshot.line == row.line)
    }
}
