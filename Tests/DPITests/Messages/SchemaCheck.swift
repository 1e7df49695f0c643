import Foundation
import TestSupport

/// Validates JSON documents against the official DPI schemas with Python's `jsonschema` (draft-07), an
/// implementation independent of ours. Debian 12's jsonschema 4.10 predates the `referencing` package, so
/// the schemas are loaded into a `RefResolver` store keyed by `$id`, which resolves the absolute `$ref`s
/// offline in the same way (spec 5.7).
enum SchemaCheck {
    /// One document to check: a name for the report, the schema file under `schemas/`, the JSON.
    struct Case {
        let name: String
        let schema: String
        let json: Data
    }

    static let schemaFile: [String: String] = [
        "digital": "dpi/innbyggerpost_dpi_digital_1_0.schema.json",
        "utskrift": "dpi/innbyggerpost_dpi_utskrift_1_0.schema.json",
        "leveringskvittering": "dpi/innbyggerpost_dpi_leveringskvittering_1_0.schema.json",
        "aapningskvittering": "dpi/innbyggerpost_dpi_aapningskvittering_1_0.schema.json",
        "mottakskvittering": "dpi/innbyggerpost_dpi_mottakskvittering_1_0.schema.json",
        "returpostkvittering": "dpi/innbyggerpost_dpi_returpostkvittering_1_0.schema.json",
        "varslingfeiletkvittering": "dpi/innbyggerpost_dpi_varslingfeiletkvittering_1_0.schema.json",
        "feil": "dpi/innbyggerpost_dpi_feil_1_0.schema.json",
    ]

    private static let script = """
        import json, pathlib, sys
        from jsonschema import Draft7Validator, RefResolver
        root = pathlib.Path(sys.argv[1])
        store = {s["$id"]: s for s in (json.loads(p.read_text()) for p in root.rglob("*.json"))}
        for case in json.loads(pathlib.Path(sys.argv[2]).read_text()):
            schema = json.loads((root / case["schema"]).read_text())
            validator = Draft7Validator(schema, resolver=RefResolver.from_schema(schema, store=store),
                                        format_checker=Draft7Validator.FORMAT_CHECKER)
            errors = [e.message for e in validator.iter_errors(case["instance"])]
            print(json.dumps({"name": case["name"], "errors": errors}))
        """

    /// The schema errors of each case by name; an empty list means valid.
    static func errors(_ cases: [Case]) throws -> [String: [String]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dpi-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptURL = folder.appendingPathComponent("check.py")
        let casesURL = folder.appendingPathComponent("cases.json")
        try Data(script.utf8).write(to: scriptURL)
        var list = Data("[".utf8)
        for (index, item) in cases.enumerated() {
            let header = try JSONSerialization.data(withJSONObject: ["name": item.name, "schema": item.schema])
            list += Data((index == 0 ? "" : ",").utf8) + header.dropLast() + Data(",\"instance\":".utf8) + item.json
                + Data("}".utf8)
        }
        try (list + Data("]".utf8)).write(to: casesURL)
        let schemas = Repository.shared.appendingPathComponent("dpi-reference/schemas").path
        let result = try ChildProcess.succeed("/usr/bin/python3", [scriptURL.path, schemas, casesURL.path])
        var report: [String: [String]] = [:]
        for line in result.text.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let name = object?["name"] as? String { report[name] = object?["errors"] as? [String] ?? ["?"] }
        }
        guard report.count == cases.count else { throw TestEnvironmentError("python reported \(report.count) cases") }
        return report
    }
}
