import DPI
import Foundation
import Mailing
import Postgres
import Simulator

/// Reconciles receipts for letters put in the database as `submitted` by SQL, which the simulator in this
/// process returns signed (`AccessPointSimulator.inject`, done before the clock starts): each receipt is read
/// from `GET /messages/in`, verified against its letter's provider, stored, applied and acknowledged. The
/// simulator shares the machine (it serves the polls and acknowledgements), so the rate is a lower bound.
struct ReceiptsBenchmark {
    private let simulation: Simulation
    private let services: ReceiptServices
    private let count: Int

    /// `count` receipts for letters of a new job in the database at `databaseURL`, migrated from `migrations`.
    init(pki: URL, count: Int, databaseURL: String, migrations: String) throws {
        self.count = count
        simulation = try Simulation(settings: .init(pkiDirectory: pki, seed: KRRSeed.generate(count: 10)))
        let connection = try Connection(databaseURL)
        _ = try SchemaMigrator(connection: connection).migrate(try Migration.load(from: migrations))
        let letters = try connection.query("""
            WITH job AS (
                INSERT INTO dpi.mailing_job (name, pipeline)
                VALUES ('receipts-bench', '{"sender": {"orgno": "991825827"}}') RETURNING id),
            recipients AS (
                INSERT INTO dpi.recipient (job_id, external_ref)
                SELECT job.id, 'r' || n FROM job, generate_series(1, \(count)) AS n RETURNING id)
            SELECT count(*) AS n FROM recipients
            """)
        guard try letters[0].decode("n", as: Int64.self) == count else { throw BenchmarkError("no recipients") }
        let kanal = "dpi_batch_bench"
        let rows = try connection.query("""
            UPDATE dpi.delivery SET state = 'submitted', channel = 'digital', provider_orgno = '984661185',
                   message_id = gen_random_uuid(), conversation_id = gen_random_uuid(), kanal = \(kanal),
                   expires_at = now() + interval '1 day'
            RETURNING message_id, conversation_id
            """)
        let sender = try OrganisationNumber("991825827")
        try simulation.accessPoint.inject(try rows.map {
            InjectedLetter(messageId: try $0.decode("message_id"), conversationId: try $0.decode("conversation_id"),
                           sender: sender, provider: .digipost, receipts: [.init(.leveringskvittering)], kanal: kanal)
        })
        var values: [Configuration.Key: String] = [.databaseURL: databaseURL, .kanal: kanal]
        for (name, value) in simulation.environment where name != "DPI_KANAL" {
            if let key = Configuration.Key(rawValue: name) { values[key] = value }
        }
        services = try ReceiptServices(configuration: Configuration(values),
                                       logger: Logger(label: "bench", minimumLevel: .error))
    }

    /// Receipts reconciled per second (wall clock), all of them in one pass.
    func receiptsPerSecond() throws -> Double {
        let reconciler = try ReceiptReconciler(services: services, options: ReceiptOptions(pageSize: 1000))
        let start = Date()
        let tally = try reconciler.reconcile()
        let seconds = Date().timeIntervalSince(start)
        guard tally.stored == count, tally.acknowledged == count else {
            throw BenchmarkError("reconciled \(tally.summary), expected \(count) stored and acknowledged")
        }
        return Double(count) / seconds
    }
}

/// A benchmark that did not measure what it should.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
