import AccessPoint
import Dispatch
import Foundation
import HTTP
import Synchronization

/// Acknowledges a page of stored receipts (`POST /messages/in/{id}/read`, spec 10.6) over several connections
/// at once: a page of 500 takes one round trip per receipt, and those would otherwise dominate a large backlog.
/// Each connection is made for the page on the thread that uses it (libcurl handles are thread-bound).
struct ReceiptAcknowledger: Sendable {
    let services: ReceiptServices
    let connections: Int

    /// What acknowledging a page did.
    struct Result: Sendable {
        var acknowledged = 0
        var failed = 0
        /// The first failure retrying cannot fix (403, a wrong base URL), if any.
        var fatal: AccessPointError?
    }

    /// Acknowledges each id in `ids` once (an id listed twice is a receipt delivered twice: two reads).
    func acknowledge(_ ids: [String], token: String) -> Result {
        guard !ids.isEmpty else { return Result() }
        let lanes = min(connections, ids.count)
        let total = Mutex(Result())
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            var result = Result()
            defer {
                let partial = result
                total.withLock { sum in
                    sum.acknowledged += partial.acknowledged
                    sum.failed += partial.failed
                    sum.fatal = sum.fatal ?? partial.fatal
                }
            }
            let client: AccessPointClient
            do {
                client = try AccessPointClient(baseURL: services.accessPointURL, kanal: services.kanal,
                                               client: try HTTPClient())
            } catch {
                result.failed = (ids.count - lane + lanes - 1) / lanes
                return
            }
            for index in stride(from: lane, to: ids.count, by: lanes) {
                do {
                    try client.markRead(ids[index], token: token)
                    result.acknowledged += 1
                } catch {
                    result.failed += 1
                    if let refusal = error as? AccessPointError, refusal.disposition != .retry {
                        result.fatal = result.fatal ?? refusal
                    }
                }
            }
        }
        return total.withLock { $0 }
    }
}
