import Foundation

/// Writes delivery report rows as they are read, in one of the formats of `dpi-batch report`: nothing is
/// kept but the current page, so the output of a million-row job streams.
public struct ReportWriter {
    /// `--format`: an aligned table for people, CSV (RFC 4180) or a JSON array for programs.
    public enum Format: String, Sendable, CaseIterable {
        case table, csv, json
    }

    /// Where text goes (standard output, or a buffer in tests).
    public typealias Output = (String) -> Void

    private let format: Format
    private let output: Output
    private var rowsWritten = 0
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Widths of the table's columns; longer values are cut with `…`; the last column (error) is never cut.
    static let tableWidths = [12, 24, 8, 14, 18, 36, 36, 24, 20, 19]

    /// A writer in `format` to `output`.
    public init(format: Format, output: @escaping Output) {
        self.format = format
        self.output = output
    }

    /// Writes what comes before the rows: the CSV header, the table's heading, `[` for JSON.
    public func begin() {
        switch format {
        case .csv: output(DeliveryReportRow.columns.joined(separator: ",") + "\r\n")
        case .table: output(Self.tableLine(DeliveryReportRow.columns.map { $0 }) + "\n")
        case .json: output("[")
        }
    }

    /// Writes `rows`.
    public mutating func write(_ rows: [DeliveryReportRow]) throws {
        var text = ""
        for row in rows {
            switch format {
            case .csv:
                text += row.fields.map { Self.csvField($0 ?? "") }.joined(separator: ",") + "\r\n"
            case .table:
                text += Self.tableLine(row.fields.map { $0 ?? "-" }) + "\n"
            case .json:
                text += (rowsWritten == 0 ? "\n" : ",\n") + String(decoding: try encoder.encode(row), as: UTF8.self)
            }
            rowsWritten += 1
        }
        output(text)
    }

    /// Writes what comes after the rows: `]` for JSON.
    public func end() {
        if format == .json { output(rowsWritten == 0 ? "]\n" : "\n]\n") }
    }

    /// RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
    public static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func tableLine(_ values: [String]) -> String {
        values.enumerated().map { index, value in
            let flat = value.replacingOccurrences(of: "\n", with: " ")
            guard index < tableWidths.count else { return flat }
            let width = tableWidths[index]
            let cut = flat.count > width ? flat.prefix(width - 1) + "…" : Substring(flat)
            return cut.padding(toLength: width, withPad: " ", startingAt: 0)
        }.joined(separator: " ")
    }
}
