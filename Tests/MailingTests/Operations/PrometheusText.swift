import Foundation

/// A strict reader of the Prometheus text exposition format 0.0.4, for checking what `Metrics` writes the
/// way node_exporter's textfile collector would refuse it: every problem is thrown with its line number.
struct PrometheusText {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// Metric name → type.
    private(set) var types: [String: String] = [:]
    private(set) var helps: [String: String] = [:]
    private(set) var samples: [Sample] = []

    init(_ text: String) throws {
        guard text.isEmpty || text.hasSuffix("\n") else {
            throw Problem(description: "the text must end with a newline")
        }
        var finished: Set<String> = []
        var current: String?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            let number = index + 1
            func fail(_ why: String) -> Problem { Problem(description: "line \(number): \(why): \(line)") }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 3, parts[0] == "#", ["HELP", "TYPE"].contains(parts[1]) else { continue }
                let name = parts[2]
                guard Self.isName(name) else { throw fail("bad metric name") }
                if current != name {
                    if let current { finished.insert(current) }
                    guard !finished.contains(name) else { throw fail("metric \(name) appears in two places") }
                    current = name
                }
                if parts[1] == "TYPE" {
                    let kinds = ["counter", "gauge", "histogram", "summary", "untyped"]
                    guard parts.count == 4, kinds.contains(parts[3]) else { throw fail("bad TYPE") }
                    guard types[name] == nil else { throw fail("second TYPE") }
                    guard !samples.contains(where: { $0.name == name }) else { throw fail("TYPE after samples") }
                    types[name] = parts[3]
                } else {
                    guard helps[name] == nil else { throw fail("second HELP") }
                    helps[name] = parts.count == 4 ? parts[3] : ""
                }
                continue
            }
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let sample = try Self.sample(String(line)) ?? { throw fail("not a sample line") }()
            if current != sample.name {
                if let current { finished.insert(current) }
                guard !finished.contains(sample.name) else { throw fail("samples of \(sample.name) not together") }
                current = sample.name
            }
            if types[sample.name] == "counter", sample.value < 0 { throw fail("negative counter") }
            samples.append(sample)
        }
    }

    /// The value of the sample named `name` with exactly `labels`.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    private static func isName(_ name: String) -> Bool {
        name.range(of: #"^[a-zA-Z_:][a-zA-Z0-9_:]*$"#, options: .regularExpression) != nil
    }

    /// `name{a="x",b="y\"z"} 1.5` (an optional integer timestamp after the value).
    private static func sample(_ line: String) -> Sample? {
        var rest = Substring(line)
        let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" })
        guard isName(name) else { return nil }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let label = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                guard !label.isEmpty, !label.first!.isNumber, labels[label] == nil else { return nil }
                rest = rest.dropFirst(label.count)
                guard rest.hasPrefix("=\"") else { return nil }
                rest = rest.dropFirst(2)
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        guard let escaped = rest.popFirst() else { return nil }
                        switch escaped {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: return nil
                        }
                    } else {
                        guard character != "\n" else { return nil }
                        value.append(character)
                    }
                }
                guard rest.popFirst() == "\"" else { return nil }
                labels[label] = value
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { return nil }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { return nil }
        let fields = rest.split(separator: " ")
        guard (1...2).contains(fields.count), fields.count == 1 || Int64(fields[1]) != nil else { return nil }
        let text = String(fields[0])
        let value: Double? = switch text {
        case "NaN": .nan
        case "+Inf": .infinity
        case "-Inf": -.infinity
        default: Double(text)
        }
        return value.map { Sample(name: name, labels: labels, value: $0) }
    }
}
