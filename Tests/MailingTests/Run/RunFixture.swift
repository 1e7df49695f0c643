import DPI
import Foundation
@testable import Mailing
import Pipeline
import Postgres
import Simulator
import TestSupport

/// A whole mailing on one machine: the simulator (Maskinporten, KRR, access point) over loopback, a fresh
/// migrated database, a pipeline file with the sample letter, and a job whose recipients are the seed's
/// persons (every KRR category), some with a postal address.
final class RunFixture: Sendable {
    let simulation: Simulation
    let database: RunDatabase
    let folder: URL
    let seed: KRRSeed
    let configuration: Configuration
    let jobId: Int64

    /// Every `withAddressEvery`-th person (and every print-only row) has a complete Norwegian address.
    init(persons: Int, printOnly: Int = 0, withAddressEvery: Int = 2, faults: FaultSettings = FaultSettings(),
         receipts: ReceiptSettings = ReceiptSettings(), throughput: String = #"{"messagesPerSecond": 2000, "maxInFlight": 16}"#,
         agreements: Set<DPI.OrganisationNumber>? = nil, database: RunDatabase) throws {
        seed = KRRSeed.generate(count: persons)
        simulation = try Simulation(settings: .init(pkiDirectory: try TestPKI.directory(), seed: seed, receipts: receipts,
                                                    faults: faults, agreements: agreements))
        self.database = database
        folder = try TemporaryDirectory.make(prefix: "run")
        var values: [Configuration.Key: String] = [.databaseURL: database.url]
        for (name, value) in simulation.environment {
            if let key = Configuration.Key(rawValue: name) { values[key] = value }
        }
        configuration = Configuration(values)
        let pipelineFile = try Self.writePipeline(in: folder, throughput: throughput)
        jobId = try Self.createJob(in: database, seed: seed, pipelineFile: pipelineFile, printOnly: printOnly,
                                   withAddressEvery: withAddressEvery)
    }

    /// The pipeline file: the example's letter with the sample PDF, print enabled.
    private static func writePipeline(in folder: URL, throughput: String) throws -> URL {
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("pipelines/letter.pdf"),
                                         to: folder.appendingPathComponent("letter.pdf"))
        let json = """
            {
              "name": "run-test",
              "sender": { "orgno": "991825827" },
              "letter": { "title": "Eiendomsskatt 2027", "nonSensitiveTitle": "Brev fra kommunen", "language": "NO",
                          "document": "letter.pdf", "securityLevel": 3,
                          "notifications": { "email": "Du har fått post", "sms": "Du har fått post" } },
              "print": { "enabled": true, "color": "SORT_HVIT", "postType": "B_OEKONOMI",
                         "returnHandling": "DIREKTE_RETUR",
                         "returnAddress": { "name": "Kommunen", "addressLines": ["Postboks 1"],
                                            "postalCode": "0001", "city": "OSLO" } },
              "throughput": \(throughput)
            }
            """
        let file = folder.appendingPathComponent("pipeline.json")
        try Data(json.utf8).write(to: file)
        return file
    }

    private static func createJob(in database: RunDatabase, seed: KRRSeed, pipelineFile: URL, printOnly: Int,
                                  withAddressEvery: Int) throws -> Int64 {
        let pipeline = try PipelineDefinition.load(file: pipelineFile)
        let stored = String(decoding: try JSONEncoder().encode(pipeline), as: UTF8.self)
        let connection = try database.connect()
        let job: Int64 = try connection.query("""
            INSERT INTO dpi.mailing_job (name, pipeline) VALUES ('run-test', \(stored)::jsonb) RETURNING id
            """)[0].decode("id")
        var rows: [[any PostgresEncodable]] = []
        for (index, person) in seed.persons.enumerated() {
            let addressed = index % withAddressEvery == 0
            rows.append([job, "p\(index)", person.id, "Person \(index)",
                         addressed ? ["Gate \(index)"] : nil as [String]?,
                         addressed ? "0150" : nil as String?, addressed ? "OSLO" : nil as String?])
        }
        for index in 0..<printOnly {
            rows.append([job, "print\(index)", nil as String?, "Print \(index)", ["Vei \(index)"], "5003", "BERGEN"])
        }
        _ = try connection.copy(into: "recipient", schema: "dpi",
                                columns: ["job_id", "external_ref", "person_id", "name", "address_lines", "postal_code",
                                          "city"], rows: rows)
        return job
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs the job in this process until it ends or `stop` is cancelled.
    func run(stop: Cancellation = Cancellation(), dryRun: URL? = nil) throws -> RunSummary {
        let logger = Logger(label: "test", minimumLevel: .warning)
        let setup = try RunSetup(configuration: configuration, jobId: jobId, logger: logger, dryRunDirectory: dryRun)
        return try MailingRun(services: setup.services, options: setup.options).run(stop: stop)
    }

    /// True once more than `count` of the job's letters are submitted (for `waitUntil`).
    /// Letters past `submitted` count too: receipts come a second after acceptance and the run reconciles them
    /// beside sending, so on a slow machine `submitted` alone may never hold many letters at once.
    func hasSubmitted(moreThan count: Int) -> Bool {
        let states = Self.submittedOrLater.map { "'\($0)'" }.joined(separator: ", ")
        let value = try? database.value(
            "SELECT count(*) FROM dpi.delivery WHERE job_id = \(jobId) AND state IN (\(states))")
        return value.flatMap { Int($0) }.map { $0 > count } ?? false
    }

    /// The states of a letter the access point has accepted.
    static let submittedOrLater = ["submitted", "delivered", "opened", "accepted_for_print", "posted", "returned"]

    /// The environment for a `dpi-batch` child process talking to this fixture.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in Configuration.Key.allCases {
            if let value = configuration[key] { environment[key.rawValue] = value }
        }
        return environment
    }

    /// Letters per state.
    func states() throws -> [String: Int] {
        try JobStore(connection: try database.connect(), owner: .current()).stateCounts(job: jobId)
    }

    /// The person ids (and print addresses) the simulator stored more than once.
    var deliveredTwice: [String] {
        simulation.accessPoint.report.deliveredPerRecipient.filter { $0.value > 1 }.map(\.key)
    }
}
