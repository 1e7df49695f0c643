import Foundation
import PKI

/// One numbered SQL file of `sql/migrations/` (e.g. `0001_jobs_recipients_deliveries.sql`): applied
/// once, in a transaction, and remembered with its checksum so that a later edit is noticed.
public struct Migration: Sendable, Equatable {
    /// The number the file name starts with; migrations apply in this order.
    public let version: Int
    /// The file name, e.g. `0001_jobs_recipients_deliveries.sql`.
    public let fileName: String
    /// The SQL text, run as one script.
    public let sql: String
    /// Hex SHA-256 of the file's bytes.
    public let checksum: String

    /// A migration from its file name and content.
    public init(version: Int, fileName: String, sql: String) {
        self.version = version
        self.fileName = fileName
        self.sql = sql
        self.checksum = Digest.sha256(Data(sql.utf8)).hexString
    }

    /// Every `NNNN_name.sql` file of `directory`, in version order. Other `.sql` names and two files
    /// with one number are errors naming the file; files not ending in `.sql` are ignored.
    public static func load(from directory: String) throws(MigrationError) -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw MigrationError(.unreadableDirectory(path: directory))
        }
        var migrations: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            guard let version = Self.version(ofFileName: name) else {
                throw MigrationError(.badFileName(name))
            }
            if let clash = migrations.first(where: { $0.version == version }) {
                throw MigrationError(.duplicateVersion(clash.fileName, name))
            }
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path),
                  let sql = String(data: data, encoding: .utf8)
            else {
                throw MigrationError(.unreadableFile(name))
            }
            migrations.append(Migration(version: version, fileName: name, sql: sql))
        }
        return migrations.sorted { $0.version < $1.version }
    }

    /// The leading number of `NNNN_words.sql` (digits, an underscore, lowercase words); nil otherwise.
    static func version(ofFileName name: String) -> Int? {
        let stem = name.dropLast(".sql".count)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let digits = stem[..<underscore], words = stem[stem.index(after: underscore)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), !words.isEmpty,
              words.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
        else { return nil }
        return Int(digits)
    }
}
