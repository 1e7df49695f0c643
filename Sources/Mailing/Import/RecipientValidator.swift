import DPI
import Foundation

/// Turns CSV records into recipient rows, or into the reason a row cannot be imported: field count,
/// encoding and quoting, an empty or repeated `external_ref`, a malformed `person_id` (DPI's
/// `PersonIdentifier`), a `country_code` that is not two letters, a `document_path` whose file is
/// missing, and a row that has neither a person id nor an address line (it could never be sent).
///
/// A valid person id without an address is fine: the citizen may be digital; the run decides.
/// Reasons name the column, never the value.
struct RecipientValidator {
    private let columns: RecipientColumns
    private let pipeline: PipelineDefinition
    private let allowSyntheticPersonIDs: Bool
    /// `external_ref` → the line it was first seen on. The only state that grows with the file.
    private var firstLines: [String: Int] = [:]

    /// A row to store, or why not.
    enum Outcome {
        case accepted(RecipientRow)
        case rejected(RowProblem)
    }

    init(columns: RecipientColumns, pipeline: PipelineDefinition, allowSyntheticPersonIDs: Bool) {
        self.columns = columns
        self.pipeline = pipeline
        self.allowSyntheticPersonIDs = allowSyntheticPersonIDs
    }

    /// The row of `record`, or why it cannot be imported.
    mutating func check(_ record: CSVRecord) -> Outcome {
        func problem(_ column: String?, _ reason: String) -> Outcome {
            .rejected(RowProblem(line: record.line, column: column, reason: reason))
        }
        let fields = record.fields
        guard fields.count == columns.count else {
            return problem(nil, "has \(fields.count) fields, the header has \(columns.count)")
        }
        guard record.isValidUTF8 else { return problem(nil, "is not valid UTF-8; save the file as UTF-8") }
        guard record.isWellQuoted else {
            return problem(nil, "has text after a closing quote; quote the whole field and double inner quotes")
        }
        guard let externalRef = columns.value("external_ref", in: fields) else {
            return problem("external_ref", "is empty")
        }
        if let first = firstLines[externalRef] {
            return problem("external_ref", "repeats the value of line \(first)")
        }
        let personID = columns.value("person_id", in: fields)
        if let personID {
            do {
                _ = try PersonIdentifier(personID, allowSynthetic: allowSyntheticPersonIDs)
            } catch {
                return problem("person_id", Self.rule(of: error))
            }
        }
        var countryCode = columns.value("country_code", in: fields)?.uppercased()
        if let code = countryCode {
            guard code.utf8.count == 2, code.utf8.allSatisfy({ (65...90).contains($0) }) else {
                return problem("country_code", "must be two letters (ISO 3166-1 alpha-2), e.g. SE")
            }
            if code == "NO" { countryCode = nil }
        }
        let documentPath = columns.value("document_path", in: fields)
        if let documentPath, let reason = DocumentFileType.problem(with: pipeline.resolve(documentPath)) {
            return problem("document_path", reason)
        }
        if documentPath == nil && pipeline.letter.document == nil {
            return problem("document_path", "is empty and the pipeline has no letter.document")
        }
        let lines = (1...4).compactMap { columns.value("address_line\($0)", in: fields) }
        if personID == nil && lines.isEmpty {
            return problem(nil, "has neither person_id nor address_line1: the letter could not be sent")
        }
        firstLines[externalRef] = record.line
        return .accepted(RecipientRow(
            externalRef: externalRef, personID: personID, name: columns.value("name", in: fields),
            addressLines: lines.isEmpty ? nil : lines, postalCode: columns.value("postal_code", in: fields),
            city: columns.value("city", in: fields), countryCode: countryCode, documentPath: documentPath,
            merge: MergeFields(pairs: columns.merge.map { ($0.name, fields[$0.position]) })))
    }

    /// DPI's rule for a bad person id, without the "person identifier" prefix; never the number.
    private static func rule(of error: any Error) -> String {
        guard let error = error as? DPIError else { return "is not a valid person id" }
        let prefix = "person identifier "
        return error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
    }
}
