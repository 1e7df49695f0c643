import Foundation
import Mailing

/// `dpi-batch check`: says whether the configuration can work, before anything is sent.
struct CheckCommand: MigrationsCommand {
    static let name = "check"
    static let summary = "check configuration, database, keystore and trust anchors before a run"
    static let help = """
        usage: dpi-batch check [--migrations DIR] [--config FILE]

        Checks, without sending anything: every configuration key is set; the database answers and its
        schema is up to date; the keystore opens with its password and holds an enterprise certificate
        (with an organisation number) that chains to DPI_TRUST_ANCHORS today; every URL is https (or
        http to this machine). Prints one line per check; exits 0 when all pass, 1 otherwise.

        options:
          --migrations DIR   the migrations folder the schema is compared with (default as for migrate)
          --config FILE      KEY=value configuration lines, overriding the environment
        """
    let migrationsFolder: String?

    func run(_ configuration: Configuration) throws -> Int32 {
        let migrations = try Migration.load(from: try MigrationsFolder.locate(given: migrationsFolder))
        let findings = ConfigurationCheck(configuration, migrations: migrations).run()
        let width = findings.map(\.subject.count).max() ?? 0
        for finding in findings {
            let subject = finding.subject.padding(toLength: width, withPad: " ", startingAt: 0)
            print("\(finding.passed ? "ok  " : "FAIL")  \(subject)  \(finding.detail)")
        }
        let failures = findings.filter { !$0.passed }.count
        print(failures == 0 ? "configuration usable" : "\(failures) problem(s): fix them before a run")
        return failures == 0 ? 0 : 1
    }
}
