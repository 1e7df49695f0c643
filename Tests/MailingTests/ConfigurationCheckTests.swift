import Foundation
import Mailing
import Postgres
import Testing
import TestSupport

@Suite struct ConfigurationCheckTests {
    /// A complete configuration on the test PKI and `database`; URLs on loopback (nothing is contacted).
    static func configuration(database: String, keystore: String = "sender.p12") throws -> Configuration {
        Configuration([
            .databaseURL: database,
            .accessPointURL: "http://127.0.0.1:9/", .krrURL: "http://127.0.0.1:9/",
            .maskinportenTokenURL: "http://127.0.0.1:9/token", .maskinportenAudience: "http://127.0.0.1:9/",
            .clientID: "test-client", .kanal: "test.kanal",
            .keystore: try TestPKI.file(keystore).path, .keystorePassword: "changeit",
            .trustAnchors: try TestPKI.file("trust-anchors.pem").path,
        ])
    }

    static func migratedDatabase<T>(_ body: (String, [Migration]) throws -> T) throws -> T {
        let migrations = try Migration.load(from: MigrationFolder.project)
        return try TestDatabase.withFreshDatabase { url in
            _ = try SchemaMigrator(connection: try Connection(url)).migrate(migrations)
            return try body(url, migrations)
        }
    }

    @Test func completeConfigurationPassesEveryCheck() throws {
        try Self.migratedDatabase { url, migrations in
            let findings = ConfigurationCheck(try Self.configuration(database: url), migrations: migrations).run()
            let failures = findings.filter { !$0.passed }
            #expect(failures.isEmpty, "\(failures)")
            #expect(Set(findings.map(\.subject)) == ["database", "keystore", "trust anchors", "DPI_ACCESS_POINT_URL",
                                                     "DPI_KRR_URL", "DPI_MASKINPORTEN_TOKEN_URL"])
            let keystore = try #require(findings.first { $0.subject == "keystore" })
            #expect(keystore.detail.contains("organisation 991825827"))
        }
    }

    @Test func eachBrokenPartIsReportedByName() throws {
        try Self.migratedDatabase { url, migrations in
            var configuration = try Self.configuration(database: url, keystore: "untrusted-sender.p12")
            configuration = Configuration(merging: configuration, [
                .accessPointURL: "http://access-point.example.com/", .kanal: nil,
            ])
            let failed = ConfigurationCheck(configuration, migrations: migrations).run().filter { !$0.passed }
            #expect(failed.map(\.subject).sorted() == ["DPI_ACCESS_POINT_URL", "DPI_KANAL", "trust anchors"])
            let trust = try #require(failed.first { $0.subject == "trust anchors" })
            #expect(trust.detail.contains("untrusted"))
        }
    }

    @Test func wrongKeystorePasswordSaysSo() throws {
        try Self.migratedDatabase { url, migrations in
            let configuration = Configuration(merging: try Self.configuration(database: url),
                                              [.keystorePassword: "not-the-password"])
            let keystore = try #require(ConfigurationCheck(configuration, migrations: migrations).run()
                .first { $0.subject == "keystore" })
            #expect(!keystore.passed)
            #expect(keystore.detail.contains("password"))
            #expect(!keystore.detail.contains("not-the-password"), "a password is never printed")
        }
    }

    @Test func missingTrustAnchorFileSaysItCannotBeRead() throws {
        try Self.migratedDatabase { url, migrations in
            let configuration = Configuration(merging: try Self.configuration(database: url),
                                              [.trustAnchors: "/nonexistent/anchors.pem"])
            let trust = try #require(ConfigurationCheck(configuration, migrations: migrations).run()
                .first { $0.subject == "trust anchors" })
            #expect(!trust.passed)
            #expect(trust.detail.contains("/nonexistent/anchors.pem: PKIError.fileNotReadable"))
        }
    }

    @Test func expiredSenderCertificateFailsTheTrustCheck() throws {
        try Self.migratedDatabase { url, migrations in
            let configuration = try Self.configuration(database: url, keystore: "expired-sender.p12")
            let trust = try #require(ConfigurationCheck(configuration, migrations: migrations).run()
                .first { $0.subject == "trust anchors" })
            #expect(!trust.passed)
            #expect(trust.detail.contains("expired"))
        }
    }

    @Test func unmigratedOrUnreachableDatabaseFails() throws {
        let migrations = try Migration.load(from: MigrationFolder.project)
        try TestDatabase.withFreshDatabase { url in
            let database = ConfigurationCheck(try Self.configuration(database: url), migrations: migrations).run()
                .first { $0.subject == "database" }
            #expect(database?.passed == false)
            #expect(database?.detail.contains("dpi-batch migrate") == true)
        }
        let unreachable = ConfigurationCheck(try Self.configuration(database: "postgresql://127.0.0.1:1/x"),
                                             migrations: migrations).run().first { $0.subject == "database" }
        #expect(unreachable?.passed == false)
        #expect(unreachable?.detail.contains("127.0.0.1:1") == true)
    }
}

extension Configuration {
    /// `base` with `changes` applied; a nil value unsets the key.
    init(merging base: Configuration, _ changes: [Key: String?]) {
        var values: [Key: String] = [:]
        for key in Key.allCases {
            values[key] = changes.keys.contains(key) ? changes[key] ?? nil : base[key]
        }
        self.init(values)
    }
}
