import AccessPoint
import Foundation
import HTTP

/// Letters without a delivery receipt at their expected response time (spec 11.2, 12.2): each is first
/// checked against `GET /messages/out/{id}/statuses` (spec 10.3), then marked `failed` when the access point
/// reports `FEILET` (it never forwarded the letter), else `expired`. A letter whose statuses cannot be read
/// now is left for the next pass rather than expired unchecked.
struct ReceiptExpiry {
    let store: ReceiptStore
    let accessPoint: AccessPointClient
    let token: () throws -> String
    let batchSize: Int

    /// Expires every due letter; returns the tally of expired and transport-failed letters.
    func run() throws -> ReceiptTally {
        var tally = ReceiptTally()
        var cursor: Int64 = 0
        while true {
            let due = try store.expiring(after: cursor, limit: batchSize)
            guard let last = due.last else { return tally }
            cursor = last.recipientId
            var expiries: [ReceiptStore.Expiry] = []
            for letter in due {
                guard let expiry = try check(letter) else { continue }
                expiries.append(expiry)
            }
            try store.expire(expiries)
            tally.expired += expiries.filter { $0.state == "expired" }.count
            tally.failedInTransport += expiries.filter { $0.state == "failed" }.count
            if due.count < batchSize { return tally }
        }
    }

    /// What to write for `letter`; nil when its statuses cannot be read now. Throws for errors retrying cannot
    /// fix (403, a wrong base URL).
    private func check(_ letter: ReceiptStore.ExpiringLetter) throws -> ReceiptStore.Expiry? {
        let token = try token()
        let statuses: [TransportStatus]?
        do {
            statuses = try accessPoint.statuses(of: letter.messageId, token: token)
        } catch {
            guard error.disposition == .retry else { throw error }
            return nil
        }
        let last = statuses?.last?.status.rawValue
        if let failed = statuses?.last(where: { $0.status == .feilet }) {
            return .init(recipientId: letter.recipientId, state: "failed",
                         error: "the access point could not forward the letter (FEILET): "
                             + (failed.description ?? "no description"), lastStatus: last)
        }
        let known = statuses == nil ? "; the access point does not know the letter" : ""
        return .init(recipientId: letter.recipientId, state: "expired",
                     error: "no delivery receipt before the expected response time" + known, lastStatus: last)
    }
}
