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

    /// Acknowledges each id in `ids` once (an id listed twice is a receipt delivered twice: two reads). Each
    /// connection gets a thread of its own: the work is waiting on round trips, not computing, so it must not be
    /// limited to one thread per core as `concurrentPerform` is.
    func acknowledge(_ ids: [String], token: String) -> Result {
        guard !ids.isEmpty else { return Result() }
        let lanes = min(connections, ids.count)
        let total = Mutex(Result())
        let group = DispatchGroup()
        for lane in 0..<lanes {
            group.enter()
            Thread.detachNewThread { [services] in
                let partial = Self.acknowledge(stride(from: lane, to: ids.count, by: lanes).map { ids[$0] },
                                               token: token, services: services)
                total.withLock { sum in
                    sum.acknowledged += partial.acknowledged
                    sum.failed += partial.failed
                    sum.fatal = sum.fatal ?? partial.fatal
                }
                group.leave()
            }
        }
        group.wait()
        return total.withLock { $0 }
    }

    /// One connection's share, acknowledged in turn.
    private static func acknowledge(_ ids: [String], token: String, services: ReceiptServices) -> Result {
        var result = Result()
        let client: AccessPointClient
        do {
            client = try AccessPointClient(baseURL: services.accessPointURL, kanal: services.kanal,
                                           client: try HTTPClient())
        } catch {
            result.failed = ids.count
            return result
        }
        for id in ids {
            do {
                try client.markRead(id, token: token)
                result.acknowledged += 1
            } catch {
                result.failed += 1
                if error.disposition != .retry {
                    result.fatal = result.fatal ?? error
                }
            }
        }
        return result
    }
}
