import Foundation
import HTTP

extension AccessPointError {
    /// A failure below HTTP, keeping the `HTTPError`'s disposition and message.
    init(transport error: HTTPError) {
        self.init(.transport, error.description, details: error.debugDescription, disposition: error.disposition)
    }

    /// The error for an answer the endpoint `what` (e.g. "the statuses query") does not treat as success.
    init(response: HTTPResponse, of what: String, now: Date = Date()) {
        let status = response.status
        let problem = Problem.parse(response.body)
        let retryAfter = response.headers.first(name: "Retry-After").flatMap { RetryAfter.delay(from: $0, now: now) }
        switch status {
        case 401:
            self.init(.unauthorized, "the access point refused the bearer token for \(what); get a new token",
                      status: status, problem: problem)
        case 403:
            self.init(.forbidden, "the access point refused \(what): the token lacks digitalpostinnbygger:send or "
                          + "the sender has no agreement with this access point", status: status, problem: problem)
        case 429:
            self.init(.rateLimited, "the access point limits the request rate (\(what)); retry later",
                      status: status, retryAfter: retryAfter, problem: problem)
        case 408, 500..<600:
            self.init(.unavailable, "the access point answered HTTP \(status) to \(what); retry later",
                      status: status, retryAfter: retryAfter, problem: problem)
        case 400..<500:
            self.init(.requestRefused, "the access point refused \(what) with HTTP \(status); check the base URL",
                      status: status, problem: problem)
        default:
            self.init(.unexpectedStatus, "the access point answered HTTP \(status) to \(what); check the base URL",
                      status: status, problem: problem)
        }
    }
}
