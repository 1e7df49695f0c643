import DPI
import Foundation
@testable import Mailing
import Postgres
import Simulator
import Synchronization
import TestSupport

/// Receipt reconciliation on one machine: the simulator over loopback, a fresh migrated database with one job
/// whose letters are `submitted` by SQL (no sending), and receipts the simulator is told to return for them
/// (`AccessPointSimulator.inject(_:)`).
final class ReceiptFixture: Sendable {
    /// One letter in `dpi.delivery`.
    struct Letter: Sendable {
        let recipientId: Int64
        let messageId: UUID
        let conversationId: UUID
    }

    static let sender = try! OrganisationNumber("991825827")
    static let digipost = "984661185"
    static let eboks = "922020175"
    static let printProvider = "974761076"
    static let kanal = "dpi_batch_simulated"

    let simulation: Simulation
    let database: RunDatabase
    let configuration: Configuration
    let jobId: Int64

    init(database: RunDatabase) throws {
        simulation = try Simulation(settings: .init(pkiDirectory: try TestPKI.directory(),
                                                    seed: KRRSeed.generate(count: 10)))
        self.database = database
        var values: [Configuration.Key: String] = [.databaseURL: database.url]
        for (name, value) in simulation.environment {
            if let key = Configuration.Key(rawValue: name) { values[key] = value }
        }
        configuration = Configuration(values)
        jobId = try database.job(recipients: 0, pipeline: #"{"sender": {"orgno": "991825827"}}"#)
    }

    /// `count` new submitted letters on `channel` to `provider`, expiring in a day.
    func letters(_ count: Int, channel: String, provider: String) throws -> [Letter] {
        let rows = try database.connect().query("""
            WITH r AS (
                INSERT INTO dpi.recipient (job_id, external_ref)
                SELECT \(jobId), 'r' || gen_random_uuid() FROM generate_series(1, \(count))
                RETURNING id)
            SELECT id FROM r
            """)
        let ids = try rows.map { try $0.decode("id", as: Int64.self) }
        return try database.connect().query("""
            UPDATE dpi.delivery SET state = 'submitted', channel = \(channel), provider_orgno = \(provider),
                   message_id = gen_random_uuid(), conversation_id = gen_random_uuid(), kanal = \(Self.kanal),
                   expires_at = now() + interval '1 day', submitted_at = now()
            WHERE recipient_id = ANY(\(ids))
            RETURNING recipient_id, message_id, conversation_id
            """).map {
            Letter(recipientId: try $0.decode("recipient_id"), messageId: try $0.decode("message_id"),
                   conversationId: try $0.decode("conversation_id"))
        }.sorted { $0.recipientId < $1.recipientId }
    }

    /// Has the simulator return `receipts` for `letter`, signed by `provider`.
    func inject(_ letter: Letter, _ provider: InjectedLetter.Provider, _ receipts: [InjectedLetter.Receipt],
                transportFails: Bool = false) throws {
        try simulation.accessPoint.inject([injected(letter, provider, receipts, transportFails: transportFails)])
    }

    /// The injectable form of `letter`.
    func injected(_ letter: Letter, _ provider: InjectedLetter.Provider, _ receipts: [InjectedLetter.Receipt],
                  transportFails: Bool = false) -> InjectedLetter {
        InjectedLetter(messageId: letter.messageId, conversationId: letter.conversationId, sender: Self.sender,
                       provider: provider, receipts: receipts, kanal: Self.kanal, transportFails: transportFails)
    }

    /// The environment for a `dpi-batch` child process talking to this fixture.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in Configuration.Key.allCases {
            if let value = configuration[key] { environment[key.rawValue] = value }
        }
        return environment
    }

    /// `dpi-batch receipts` with `arguments` run to its end: exit status, output, errors.
    func command(_ arguments: [String]) throws -> (status: Int32?, output: String, errors: String) {
        let process = try BackgroundProcess(try BuiltExecutable.path(), ["receipts"] + arguments,
                                            environment: environment)
        _ = process.wait(timeout: .seconds(120))
        return (process.status, String(decoding: process.output(), as: UTF8.self), process.errorOutput())
    }

    /// A reconciler on its own connection.
    func reconciler(_ options: ReceiptOptions = ReceiptOptions(pageSize: 100)) throws -> ReceiptReconciler {
        try ReceiptReconciler(services: try ReceiptServices(
            configuration: configuration, logger: Logger(label: "test", minimumLevel: .error)), options: options)
    }

    /// `state|needs_review|notification_failed|last_receipt_type` of a letter.
    func row(_ letter: Letter) throws -> String {
        try database.value("""
            SELECT state || '|' || needs_review || '|' || notification_failed || '|' || coalesce(last_receipt_type, '')
            FROM dpi.delivery WHERE recipient_id = \(letter.recipientId)
            """)
    }

    /// Acknowledgements whose receipt was not yet in `dpi.receipt` or `dpi.receipt_quarantine` when the
    /// simulator received them (one in `every` checked, on a connection of its own): must stay empty.
    final class EarlyAcknowledgements: Sendable {
        let ids = Mutex<[String]>([])
        let checked = Atomic<Int>(0)
        let seen = Atomic<Int>(0)
        let connection: Mutex<Connection>

        init(connection: consuming sending Connection) {
            self.connection = Mutex(connection)
        }
    }

    /// Starts checking acknowledgements against the database.
    func watchAcknowledgements(checkingEvery every: Int = 1) throws -> EarlyAcknowledgements {
        let early = EarlyAcknowledgements(connection: try Connection(database.url))
        simulation.accessPoint.observeAcknowledgements { id in
            guard early.seen.add(1, ordering: .relaxed).newValue % every == 0 else { return }
            early.checked.add(1, ordering: .relaxed)
            let stored = early.connection.withLock { connection in
                try? connection.query("""
                    SELECT (SELECT count(*) FROM dpi.receipt WHERE receipt_message_id = \(id))
                         + (SELECT count(*) FROM dpi.receipt_quarantine WHERE incoming_message_id = \(id)) AS n
                    """).first?.decode("n", as: Int64.self)
            }
            if stored != 1 { early.ids.withLock { $0.append(id) } }
        }
        return early
    }
}
