import Foundation
@testable import Mailing
import Postgres
import TestSupport

/// A migrated fresh database and a folder with the example pipeline, for import tests.
struct ImportFixture {
    let url: String
    let connection: Connection
    let pipeline: PipelineFileFixture

    /// Runs `body` with a fresh migrated database and a pipeline folder, both removed afterwards.
    static func with<T>(_ body: (ImportFixture) throws -> T) throws -> T {
        try TestDatabase.withFreshDatabase { url in
            let connection = try Connection(url)
            _ = try SchemaMigrator(connection: connection).migrate(try Migration.load(from: MigrationFolder.project))
            return try PipelineFileFixture.with { pipeline in
                try pipeline.write()
                return try body(ImportFixture(url: url, connection: connection, pipeline: pipeline))
            }
        }
    }

    /// Writes `text` as `recipients.csv` in the pipeline's folder.
    @discardableResult
    func csv(_ text: String) throws -> URL {
        try pipeline.add("recipients.csv", text)
    }

    /// Imports `recipients.csv` with the pipeline.
    func run(strict: Bool = false, name: String? = nil, allowSynthetic: Bool = true,
             progress: @escaping (Int) -> Void = { _ in }) throws -> ImportSummary {
        try RecipientImport(allowSyntheticPersonIDs: allowSynthetic, progress: progress)
            .run(pipelineFile: pipeline.file, csvFile: pipeline.folder.appendingPathComponent("recipients.csv"),
                 name: name, strict: strict, connection: connection)
    }

    /// The unaligned output of `sql`, run through psql.
    func psql(_ sql: String) throws -> String {
        try TestDatabase.psql(url, sql)
    }
}

/// Valid 11-digit person ids for tests: `synthetic` ones have month + 80 (Tenor test users).
enum ImportPersonIDs {
    static func make(_ count: Int, synthetic: Bool) -> [String] {
        var ids: [String] = []
        var candidate = 0
        while ids.count < count {
            let day = candidate % 28 + 1, month = candidate / 28 % 12 + 1, individual = candidate / 336 % 500
            candidate += 1
            var digits = [day / 10, day % 10, (month + (synthetic ? 80 : 0)) / 10, month % 10, 8, 5,
                          individual / 100, individual / 10 % 10, individual % 10]
            guard let first = control(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]) else { continue }
            digits.append(first)
            guard let second = control(digits, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) else { continue }
            digits.append(second)
            ids.append(digits.map(String.init).joined())
        }
        return ids
    }

    private static func control(_ digits: [Int], _ weights: [Int]) -> Int? {
        let digit = (11 - zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11) % 11
        return digit == 10 ? nil : digit
    }
}
