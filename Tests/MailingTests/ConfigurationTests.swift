import Foundation
import Testing

@testable import Mailing

@Suite struct ConfigurationTests {
    @Test func readsKnownKeysFromTheEnvironmentAndIgnoresOthers() throws {
        let configuration = try Configuration.load(
            environment: ["DPI_DATABASE_URL": "postgresql://db/x", "DPI_KANAL": "", "HOME": "/root"])
        #expect(configuration[.databaseURL] == "postgresql://db/x")
        #expect(configuration[.kanal] == nil, "an empty variable counts as unset")
    }

    @Test func fileOverridesEnvironmentAndStripsQuotesAndComments() throws {
        let file = try temporaryFile("""
            # production sender
            DPI_DATABASE_URL = "host=db dbname=post"

            DPI_KANAL='agency.kanal'
            DPI_KEYSTORE_PASSWORD=a=b
            """)
        let configuration = try Configuration.load(
            environment: ["DPI_DATABASE_URL": "from-env", "DPI_CLIENT_ID": "client"], file: file)
        #expect(configuration[.databaseURL] == "host=db dbname=post")
        #expect(configuration[.kanal] == "agency.kanal")
        #expect(configuration[.keystorePassword] == "a=b", "only the first = separates key and value")
        #expect(configuration[.clientID] == "client")
    }

    @Test func unknownKeyIsReportedWithFileAndLine() throws {
        let file = try temporaryFile("DPI_DATABASE_URL=x\nDPI_DATABSE_URL=y\n")
        #expect(throws: ConfigurationError(.unknownKey(path: file, line: 2, name: "DPI_DATABSE_URL"))) {
            try Configuration.load(environment: [:], file: file)
        }
    }

    @Test func lineWithoutEqualsIsReported() throws {
        let file = try temporaryFile("DPI_DATABASE_URL\n")
        #expect(throws: ConfigurationError(.malformedLine(path: file, line: 1))) {
            try Configuration.load(environment: [:], file: file)
        }
    }

    @Test func missingFileAndMissingKeyNameWhatIsMissing() throws {
        #expect(throws: ConfigurationError(.unreadableFile(path: "/nonexistent/dpi.conf"))) {
            try Configuration.load(environment: [:], file: "/nonexistent/dpi.conf")
        }
        let error = #expect(throws: ConfigurationError.self) { try Configuration().require(.accessPointURL) }
        #expect(error?.description.contains("DPI_ACCESS_POINT_URL") == true)
    }

    private func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dpi-\(UUID().uuidString).conf").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
