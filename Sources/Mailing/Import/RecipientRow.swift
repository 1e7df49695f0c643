import Postgres

/// One recipient as `import` stores it in `dpi.recipient`: checked, trimmed, empty cells as NULL.
struct RecipientRow {
    /// The `dpi.recipient` columns `import` writes, in `values(jobID:)` order.
    static let columns = ["job_id", "external_ref", "person_id", "name", "address_lines", "postal_code", "city",
                          "country_code", "document_path", "merge"]

    var externalRef: String
    var personID: String?
    var name: String?
    /// The non-empty address lines in order; nil when there are none.
    var addressLines: [String]?
    var postalCode: String?
    var city: String?
    /// Upper-case ISO 3166 alpha-2; nil for Norway (`NO` is stored as nil, as the schema defines it).
    var countryCode: String?
    /// As written in the CSV; resolved against the pipeline's folder by the run.
    var documentPath: String?
    /// The other columns as written, in header order.
    var merge: MergeFields

    /// The values for a COPY row of `columns`.
    func values(jobID: Int64) -> [any PostgresEncodable] {
        [jobID, externalRef, personID, name, addressLines, postalCode, city, countryCode, documentPath, merge]
    }
}

/// The extra columns of a row as a `jsonb` object of strings, keys in header order. Written by hand:
/// `JSONEncoder` per row would dominate the time of a million-row import.
struct MergeFields: PostgresEncodable {
    var pairs: [(name: String, value: String)]

    static var postgresType: PostgresType { .jsonb }

    func postgresText() -> String? {
        var text = "{"
        for (index, pair) in pairs.enumerated() {
            if index > 0 { text += "," }
            Self.appendQuoted(pair.name, to: &text)
            text += ":"
            Self.appendQuoted(pair.value, to: &text)
        }
        return text + "}"
    }

    /// Appends `value` as a JSON string (RFC 8259 section 7: quote, backslash and control characters escaped).
    private static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                text += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
