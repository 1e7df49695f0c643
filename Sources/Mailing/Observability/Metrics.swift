import Synchronization

/// A small registry of Prometheus metrics — counters and gauges with labels — rendered in the text
/// exposition format 0.0.4 for node_exporter's textfile collector or a `/metrics` endpoint. Thread-safe: the
/// run's workers bump it while the exporter renders it. Gauges may also be sampled (read when rendered),
/// for values another object already keeps, such as a queue's depth.
public final class Metrics: Sendable {
    /// A metric's type, as written on its `# TYPE` line.
    public enum Kind: String, Sendable {
        /// Only goes up (restarts at 0 with the process); the name ends in `_total`.
        case counter
        /// Goes up and down.
        case gauge
    }

    /// Label names and values of one series.
    public typealias Labels = [String: String]

    private struct Family {
        var kind: Kind
        var help: String
        var values: [Labels: Double] = [:]
        var samplers: [Labels: @Sendable () -> Double] = [:]
    }

    private let families = Mutex<[String: Family]>([:])

    /// An empty registry; `register` each metric before using it.
    public init() {}

    /// Declares metric `name` of `kind` with its help text. Names follow Prometheus rules
    /// (`[a-zA-Z_:][a-zA-Z0-9_:]*`), and a counter's ends in `_total` (programmer errors, checked).
    public func register(_ name: String, _ kind: Kind, help: String) {
        precondition(Self.isValidName(name), "invalid metric name \(name)")
        precondition(kind != .counter || name.hasSuffix("_total"), "counter \(name) must end in _total")
        families.withLock { families in
            if families[name] == nil { families[name] = Family(kind: kind, help: help) }
        }
    }

    /// Adds `amount` (not negative for a counter) to the series of `name` with `labels`.
    public func add(_ name: String, _ amount: Double = 1, labels: Labels = [:]) {
        families.withLock { families in
            guard var family = families[name] else { preconditionFailure("metric \(name) is not registered") }
            precondition(family.kind == .gauge || amount >= 0, "counter \(name) cannot go down")
            family.values[labels, default: 0] += amount
            families[name] = family
        }
    }

    /// Sets the gauge `name` with `labels` to `value`.
    public func set(_ name: String, _ value: Double, labels: Labels = [:]) {
        update(name) { $0.values[labels] = value }
    }

    /// Replaces every series of gauge `name` with `series` (series not listed disappear: a finished job's).
    public func replace(_ name: String, with series: [Labels: Double]) {
        update(name) { $0.values = series }
    }

    /// Makes the gauge `name` with `labels` read `read()` whenever the metrics are rendered.
    public func sample(_ name: String, labels: Labels = [:], _ read: @escaping @Sendable () -> Double) {
        update(name) { $0.samplers[labels] = read }
    }

    private func update(_ name: String, _ body: (inout Family) -> Void) {
        families.withLock { families in
            guard var family = families[name] else { preconditionFailure("metric \(name) is not registered") }
            precondition(family.kind == .gauge, "\(name) is a counter: use add")
            body(&family)
            families[name] = family
        }
    }

    /// Every metric in the text exposition format 0.0.4: per metric, sorted by name, a `# HELP` and a
    /// `# TYPE` line, then one line per series with its labels sorted; the text ends with a newline.
    public var exposition: String {
        let snapshot = families.withLock { $0 }
        var text = ""
        for (name, family) in snapshot.sorted(by: { $0.key < $1.key }) {
            text += "# HELP \(name) \(Self.escapeHelp(family.help))\n# TYPE \(name) \(family.kind.rawValue)\n"
            var series = family.values
            for (labels, read) in family.samplers { series[labels] = read() }
            let lines = series.map { labels, value in name + Self.labelText(labels) + " " + Self.number(value) }
            for line in lines.sorted() { text += line + "\n" }
        }
        return text
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" || first == ":" else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == ":" }
    }

    private static func labelText(_ labels: Labels) -> String {
        guard !labels.isEmpty else { return "" }
        let pairs = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(escapeLabel($0.value))\"" }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    /// Label values escape backslash, double quote and line feed (format 0.0.4).
    private static func escapeLabel(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Help text escapes backslash and line feed.
    private static func escapeHelp(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Integers without a fraction; `NaN`, `+Inf`, `-Inf` as Prometheus writes them.
    private static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
