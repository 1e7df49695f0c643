public import Postgres

/// Reads a job's report rows page by page (keyset paging on `recipient_id`), so a report of a million
/// letters never holds more than one page in memory.
public struct DeliveryReportReader {
    private let connection: Connection
    /// Rows per query.
    public var pageSize: Int

    /// A reader on `connection`, `pageSize` rows per round trip.
    public init(connection: Connection, pageSize: Int = 5000) {
        self.connection = connection
        self.pageSize = max(1, pageSize)
    }

    /// Calls `body` with each page of `job`'s rows in recipient order until the rows end; returns the rows read.
    @discardableResult
    public func forEachPage(job: Int64, _ body: ([DeliveryReportRow]) throws -> Void) throws -> Int {
        var after: Int64 = 0
        var count = 0
        while true {
            let page = try connection.query("""
                SELECT recipient_id, external_ref, channel, provider_orgno, state, message_id::text AS message_id,
                       conversation_id::text AS conversation_id, last_receipt_type, last_receipt_at,
                       notification_failed, error
                FROM dpi.delivery_report
                WHERE job_id = \(job) AND recipient_id > \(after)
                ORDER BY recipient_id
                LIMIT \(pageSize)
                """).map(DeliveryReportRow.init(row:))
            guard let last = page.last else { return count }
            try body(page)
            count += page.count
            after = last.recipientId
            if page.count < pageSize { return count }
        }
    }
}
