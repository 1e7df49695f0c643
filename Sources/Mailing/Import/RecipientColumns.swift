/// The header of a recipient CSV: where each `dpi.recipient` column is, and which other columns go
/// into `merge` (PRODUCT.md, "Database"). Names are matched without surrounding spaces and, for the
/// known columns, without regard to case.
struct RecipientColumns {
    /// The columns `import` knows; any other goes into `merge`.
    static let known = ["external_ref", "person_id", "name", "address_line1", "address_line2", "address_line3",
                        "address_line4", "postal_code", "city", "country_code", "document_path"]

    /// Known column name → its position.
    let positions: [String: Int]
    /// Other columns: name as written → position, in header order.
    let merge: [(name: String, position: Int)]
    /// The number of fields every row must have.
    let count: Int

    /// Reads the header record.
    ///
    /// - Throws: `ImportError` for a header that is not UTF-8, an empty or repeated column name, or no
    ///   `external_ref`.
    init(header: CSVRecord) throws(ImportError) {
        guard header.isValidUTF8 else { throw ImportError(.headerNotUTF8) }
        var positions: [String: Int] = [:], merge: [(name: String, position: Int)] = [], seen: Set<String> = []
        for (position, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw ImportError(.emptyColumnName(position: position + 1)) }
            let lowered = name.lowercased()
            let key = Self.known.contains(lowered) ? lowered : name
            guard seen.insert(key).inserted else { throw ImportError(.duplicateColumn(name)) }
            if Self.known.contains(key) {
                positions[key] = position
            } else {
                merge.append((name, position))
            }
        }
        guard positions["external_ref"] != nil else { throw ImportError(.missingExternalRef) }
        self.positions = positions
        self.merge = merge
        count = header.fields.count
    }

    /// The trimmed value of known column `name` in `fields`; nil when the column is absent or the cell empty.
    func value(_ name: String, in fields: [String]) -> String? {
        guard let position = positions[name] else { return nil }
        let value = fields[position].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}
