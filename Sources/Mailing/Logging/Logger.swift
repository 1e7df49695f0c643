public import Foundation

/// A cheap logging value in the manner of swift-log: a label, a minimum level and where lines go. Messages
/// are `@autoclosure`, so a suppressed line costs nothing. Callers keep person ids, tokens and keys out of
/// messages (ARCHITECTURE.md); `PersonIdentifier`'s description is already masked.
public struct Logger: Sendable {
    /// How much a line matters.
    public enum Level: Int, Sendable, Comparable, CustomStringConvertible {
        case debug, info, warning, error

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }
    }

    /// Where a formatted line goes.
    public typealias Sink = @Sendable (_ level: Level, _ line: String) -> Void

    /// Names the part of the program writing (e.g. `run job 7`).
    public var label: String
    /// Lines below this level are dropped.
    public var minimumLevel: Level
    private let sink: Sink

    /// A logger writing `2026-11-26T20:00:00Z warning [label] message` lines to standard error.
    public init(label: String, minimumLevel: Level = .info, sink: Sink? = nil) {
        self.label = label
        self.minimumLevel = minimumLevel
        self.sink = sink ?? { _, line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    /// Writes `message` at `level` when the level is at least `minimumLevel`.
    public func log(_ level: Level, _ message: @autoclosure () -> String) {
        guard level >= minimumLevel else { return }
        let time = Date().formatted(Date.ISO8601FormatStyle())
        sink(level, "\(time) \(level) [\(label)] \(message())")
    }

    /// `log(.info, …)`.
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    /// `log(.warning, …)`.
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    /// `log(.error, …)`.
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }
    /// `log(.debug, …)`.
    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }

    /// The same logger under another label.
    public func labelled(_ label: String) -> Logger {
        var copy = self
        copy.label = label
        return copy
    }
}
