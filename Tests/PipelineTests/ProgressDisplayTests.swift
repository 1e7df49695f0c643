import Foundation
import Pipeline
import Testing

/// What the progress display writes, read back through a pipe.
@Suite struct ProgressDisplayTests {
    private let line = "1,234/10,000 letters  123/s  ETA 1:12  submitted 1,200 · unreachable 30 · rejected 4"

    /// A meter at the state `line` shows (1,234 letters in the last 10 s), on a fake clock at 2026-11-26T20:01:40Z.
    private func meter() -> ProgressMeter {
        let clock = FakeClock()
        let meter = ProgressMeter(total: 10_000, clock: clock.read)
        clock.advance(by: 100)
        meter.record("submitted", count: 1_200)
        meter.record("unreachable", count: 30)
        meter.record("rejected", count: 4)
        return meter
    }

    /// Everything a display writes to a pipe between `start` and `stop`, once its first line has come;
    /// nil when no line came within 10 s.
    private func output(isTerminal: Bool) throws -> String? {
        let pipe = Pipe()
        let display = ProgressDisplay(meter: meter(), output: pipe.fileHandleForWriting, isTerminal: isTerminal,
                                      interval: 0.01, label: "job 7")
        display.start()
        let reader = Background { String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self) }
        guard let first = reader.result() else { return nil }
        display.stop()
        display.stop()
        return first + (try rest(of: pipe))
    }

    /// Everything written to `pipe` after its writing end is closed.
    private func rest(of pipe: Pipe) throws -> String {
        try pipe.fileHandleForWriting.close()
        return String(decoding: try pipe.fileHandleForReading.readToEnd() ?? Data(), as: UTF8.self)
    }

    @Test("off a terminal it writes one timestamped log line per interval, and a last one on stop")
    func logLines() throws {
        let written = try #require(try output(isTerminal: false))
        let expected = "2026-11-26T20:01:40Z job 7: \(line)\n"
        let lines = written.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count >= 2)
        #expect(written.hasPrefix(expected))
        #expect(lines.allSatisfy { "\($0)\n" == expected })
    }

    @Test("on a terminal it rewrites one line in place and ends it with a newline on stop")
    func terminalLine() throws {
        let written = try #require(try output(isTerminal: true))
        let rewrite = "\rjob 7: \(line)\u{1B}[K"
        #expect(written.hasPrefix(rewrite))
        #expect(written.hasSuffix(rewrite + "\n"))
        #expect(written.replacingOccurrences(of: rewrite, with: "") == "\n")
    }

    @Test("a pipe is no terminal; stop without start still prints the last line, once")
    func stopWithoutStart() throws {
        let pipe = Pipe()
        let display = ProgressDisplay(meter: meter(), output: pipe.fileHandleForWriting, label: "job 7")
        display.stop()
        display.start()
        display.stop()
        #expect(try rest(of: pipe) == "2026-11-26T20:01:40Z job 7: \(line)\n")
    }
}
