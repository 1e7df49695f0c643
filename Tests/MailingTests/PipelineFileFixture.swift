import Foundation
import TestSupport

/// A pipeline file in a temporary folder: `pipelines/example.json` with edits, beside a copy of
/// `pipelines/letter.pdf`, for tests that need a definition on disk.
struct PipelineFileFixture {
    /// The project's example pipeline.
    static let example = Repository.root.appendingPathComponent("pipelines/example.json")
    /// The project's example letter.
    static let letter = Repository.root.appendingPathComponent("pipelines/letter.pdf")

    let folder: URL
    var file: URL { folder.appendingPathComponent("pipeline.json") }

    /// Runs `body` with a fresh folder holding `letter.pdf` and no pipeline file yet.
    static func with<T>(_ body: (PipelineFileFixture) throws -> T) throws -> T {
        try TemporaryDirectory.with(prefix: "pipeline") { folder in
            try FileManager.default.copyItem(at: letter, to: folder.appendingPathComponent("letter.pdf"))
            return try body(PipelineFileFixture(folder: folder))
        }
    }

    /// The example's JSON with `edits` applied: key path (`letter.securityLevel`) → the new value as JSON
    /// text (`"5"`, `"\"text\""`, `"null"`); `Self.remove` deletes the key.
    static func exampleJSON(_ edits: [String: String] = [:]) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: example)) as? [String: Any] ?? [:]
        for (path, text) in edits {
            let value = text == remove ? remove
                : try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
            set(&object, path.split(separator: ".").map(String.init), value)
        }
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// A marker value: remove the key.
    static let remove = "<remove>"

    /// Writes the example with `edits` as `pipeline.json` and returns its URL.
    @discardableResult
    func write(_ edits: [String: String] = [:]) throws -> URL {
        try Self.exampleJSON(edits).write(to: file)
        return file
    }

    /// Writes `text` as a file named `name` in the folder.
    @discardableResult
    func add(_ name: String, _ text: String = "content") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    private static func set(_ object: inout [String: Any], _ keys: [String], _ value: Any) {
        guard let key = keys.first else { return }
        if keys.count == 1 {
            if value as? String == remove { object[key] = nil } else { object[key] = value }
            return
        }
        var nested = object[key] as? [String: Any] ?? [:]
        set(&nested, Array(keys.dropFirst()), value)
        object[key] = nested
    }
}
