import Foundation
@testable import Mailing
import Postgres
import TestSupport

/// A migrated database holding one job whose letters are in every kind of state, written directly (no run
/// needed): routed to print for several reasons, submitted a while ago, delivered with receipts, failed with
/// errors that need CSV quoting.
struct ReportFixture {
    let database: RunDatabase
    let jobId: Int64

    /// Letters in the job.
    static let total = 60

    static func with<T>(_ body: (ReportFixture) throws -> T) throws -> T {
        try RunDatabase.with { database throws in
            let job = try database.job(recipients: total) { index in
                index < 50 ? String(format: "0101901%04d", index) : nil
            }
            let connection = try database.connect()
            _ = try connection.execute("""
                UPDATE dpi.mailing_job SET state = 'running', started_at = now() WHERE id = \(job)
                """)
            _ = try connection.execute("""
                WITH numbered AS (SELECT recipient_id, row_number() OVER (ORDER BY recipient_id) - 1 AS n
                                  FROM dpi.delivery WHERE job_id = \(job))
                UPDATE dpi.delivery d SET
                    state = CASE WHEN n < 10 THEN 'pending' WHEN n < 20 THEN 'submitted' WHEN n < 35 THEN 'delivered'
                                 WHEN n < 45 THEN 'posted' WHEN n < 52 THEN 'unreachable' ELSE 'rejected' END,
                    channel = CASE WHEN n < 10 THEN NULL WHEN n < 35 THEN 'digital' WHEN n < 45 THEN 'print'
                                   WHEN n < 52 THEN NULL ELSE 'digital' END,
                    route_reason = CASE WHEN n BETWEEN 35 AND 39 THEN 'reserved'
                                        WHEN n BETWEEN 40 AND 44 THEN 'print-only'
                                        WHEN n < 35 THEN 'digital-mailbox' END,
                    provider_orgno = CASE WHEN n BETWEEN 10 AND 24 THEN '984661185' WHEN n BETWEEN 25 AND 34
                                          THEN '922020175' WHEN n BETWEEN 35 AND 44 THEN '974761076' END,
                    submitted_at = CASE WHEN n BETWEEN 10 AND 14 THEN now() - interval '2 days'
                                        WHEN n BETWEEN 15 AND 19 THEN now() - interval '10 seconds'
                                        WHEN n BETWEEN 20 AND 44 THEN now() - interval '3 hours' END,
                    error = CASE WHEN n >= 52
                                 THEN 'the access point refused the letter: 400 "bad, really"' || chr(10) || 'x'
                                 WHEN n >= 45 THEN 'print needed but the row has no complete postal address' END,
                    message_id = CASE WHEN n >= 10 THEN gen_random_uuid() END
                FROM numbered WHERE d.recipient_id = numbered.recipient_id
                """)
            _ = try connection.execute("""
                INSERT INTO dpi.receipt (receipt_message_id, conversation_id, recipient_id, type, received_at, jwt,
                                         payload)
                SELECT gen_random_uuid()::text, gen_random_uuid(), recipient_id, 'leveringskvittering',
                       submitted_at + (row_number() OVER (ORDER BY recipient_id)) * interval '1 minute', 'x.y.z', '{}'
                FROM dpi.delivery WHERE job_id = \(job) AND state IN ('delivered', 'posted')
                """)
            return try body(ReportFixture(database: database, jobId: job))
        }
    }
}
