public import Foundation
import Synchronization

/// Prints a `ProgressMeter`'s line every `interval` while a run goes on.
///
/// On a terminal it rewrites one line in place (`\r`, the line, erase to the end of the line); to a file or
/// a log collector it writes a plain timestamped line per interval
/// (`2026-11-26T20:00:00Z job 7: 1,234/10,000 letters  250/s ...`). Lines are written from a private serial
/// queue driven by a `DispatchSourceTimer`.
public final class ProgressDisplay: Sendable {
    private enum Phase {
        case idle
        case running(any DispatchSourceTimer)
        case stopped
    }

    private let meter: ProgressMeter
    private let output: FileHandle
    private let isTerminal: Bool
    private let interval: TimeInterval
    private let label: String
    private let queue = DispatchQueue(label: "dpi-batch.progress")
    private let phase = Mutex(Phase.idle)

    /// A display of `meter` labelled `label` (e.g. "job 7") writing to `output`. `isTerminal` nil asks
    /// `isatty`; `interval` nil is 1 s on a terminal and 5 s otherwise.
    public init(meter: ProgressMeter, output: FileHandle = .standardError, isTerminal: Bool? = nil,
                interval: TimeInterval? = nil, label: String) {
        self.meter = meter
        self.output = output
        self.isTerminal = isTerminal ?? (isatty(output.fileDescriptor) == 1)
        self.interval = interval ?? (self.isTerminal ? 1 : 5)
        self.label = label
    }

    deinit {
        phase.withLock { phase in
            if case .running(let timer) = phase {
                timer.cancel()
            }
        }
    }

    /// Starts printing every interval; does nothing once started or stopped.
    public func start() {
        phase.withLock { phase in
            guard case .idle = phase else { return }
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + interval, repeating: interval)
            timer.setEventHandler { [weak self] in
                self?.write(isLast: false)
            }
            timer.resume()
            phase = .running(timer)
        }
    }

    /// Stops the timer and prints a last full line (ending the rewritten line on a terminal); does nothing
    /// the second time.
    public func stop() {
        let isFirstStop = phase.withLock { phase -> Bool in
            switch phase {
            case .idle: break
            case .running(let timer): timer.cancel()
            case .stopped: return false
            }
            phase = .stopped
            return true
        }
        if isFirstStop {
            queue.sync { write(isLast: true) }
        }
    }

    /// Writes the meter's line as this display shows it.
    private func write(isLast: Bool) {
        let line = meter.snapshot.line
        let text = isTerminal
            ? "\r\(label): \(line)\u{1B}[K\(isLast ? "\n" : "")"
            : "\(meter.clock().formatted(.iso8601)) \(label): \(line)\n"
        try? output.write(contentsOf: Data(text.utf8))
    }
}
