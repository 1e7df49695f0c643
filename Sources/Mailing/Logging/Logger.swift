import Foundation
import Synchronization

/// A cheap logging value in the manner of swift-log: a label, a minimum level, fields and where lines go.
/// Messages are `@autoclosure`, so a suppressed line costs nothing. Every message and field value passes
/// through `LogMasking` before it is written, so a person id, bearer token or JWT that slips into a message
/// never reaches the log in full (ARCHITECTURE.md).
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

    /// How a line is written: `human` (the default) or one JSON object per line for log collectors.
    public enum Format: String, Sendable, CaseIterable {
        /// `2026-11-26T20:00:00Z warning [label] message key=value`.
        case human
        /// `{"time":"…","level":"warning","label":"…","message":"…","key":"value"}`.
        case json
    }

    /// Where a formatted line goes.
    public typealias Sink = @Sendable (_ level: Level, _ line: String) -> Void

    /// The format of loggers made without one; set once at start-up (`--log-format`), like swift-log's
    /// `LoggingSystem.bootstrap`, so libraries that make their own logger follow the command line.
    private static let defaultFormat = Mutex(Format.human)

    /// Names the part of the program writing (e.g. `run job 7`).
    public var label: String
    /// Lines below this level are dropped.
    public var minimumLevel: Level
    /// Fields added to every line of this logger (e.g. `job`), after the line's own.
    public var metadata: [String: String] = [:]
    /// How lines are written.
    public var format: Format
    private let sink: Sink

    /// A logger writing lines in `format` (default: the bootstrapped one) to `sink` (default: standard error).
    public init(label: String, minimumLevel: Level = .info, format: Format? = nil, sink: Sink? = nil) {
        self.label = label
        self.minimumLevel = minimumLevel
        self.format = format ?? Self.defaultFormat.withLock { $0 }
        self.sink = sink ?? { _, line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    /// Sets the format of every logger made from now on without an explicit one.
    public static func bootstrap(format: Format) {
        defaultFormat.withLock { $0 = format }
    }

    /// Writes `message` with `fields` at `level` when the level is at least `minimumLevel`.
    public func log(_ level: Level, _ message: @autoclosure () -> String, fields: [String: String] = [:]) {
        guard level >= minimumLevel else { return }
        let time = Date().formatted(Date.ISO8601FormatStyle())
        let all = fields.merging(metadata) { own, _ in own }.sorted { $0.key < $1.key }
            .map { (key: $0.key, value: LogMasking.mask($0.value)) }
        let text = LogMasking.mask(message())
        switch format {
        case .human:
            let suffix = all.map { " \($0.key)=\($0.value)" }.joined()
            sink(level, "\(time) \(level) [\(label)] \(text)\(suffix)")
        case .json:
            let members = [("time", time), ("level", level.description), ("label", label), ("message", text)]
                + all.map { ($0.key, $0.value) }
            let body = members.map { "\(Self.jsonString($0.0)):\(Self.jsonString($0.1))" }.joined(separator: ",")
            sink(level, "{\(body)}")
        }
    }

    /// `log(.info, …)`.
    public func info(_ message: @autoclosure () -> String, fields: [String: String] = [:]) {
        log(.info, message(), fields: fields)
    }
    /// `log(.warning, …)`.
    public func warning(_ message: @autoclosure () -> String, fields: [String: String] = [:]) {
        log(.warning, message(), fields: fields)
    }
    /// `log(.error, …)`.
    public func error(_ message: @autoclosure () -> String, fields: [String: String] = [:]) {
        log(.error, message(), fields: fields)
    }
    /// `log(.debug, …)`.
    public func debug(_ message: @autoclosure () -> String, fields: [String: String] = [:]) {
        log(.debug, message(), fields: fields)
    }

    /// The same logger under another label.
    public func labelled(_ label: String) -> Logger {
        var copy = self
        copy.label = label
        return copy
    }

    /// A JSON string literal (RFC 8259 section 7), as JSONEncoder writes it.
    static func jsonString(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
