public import Foundation
public import HTTP

extension SendOutcome {
    /// Classifies the access point's answer to `POST /messages/out` by the table on `SendOutcome`, reading
    /// `Retry-After` relative to `now`. `onNewConnection`: the answer came on a connection libcurl opened although
    /// the client held a kept-alive one, so libcurl may have resent the request (note 1 of the table).
    public init(response: HTTPResponse, onNewConnection: Bool = false, now: Date = Date()) {
        let status = response.status
        let problem = Problem.parse(response.body).map { parsed in
            var problem = parsed
            problem.status = problem.status ?? status
            return problem
        }
        let retryAfter = response.headers.first(name: "Retry-After").flatMap { RetryAfter.delay(from: $0, now: now) }
        let explained = { (reason: String) in reason + (problem.map { "; " + $0.summary } ?? "") }
        switch status {
        case 200..<300:
            self = .accepted
        case 401:
            self = .unauthorized(problem)
        case 403:
            self = .forbidden(problem)
        case 408, 503:
            self = .unavailable(problem, retryAfter: retryAfter)
        case 429:
            self = .rateLimited(retryAfter: retryAfter)
        case 400..<500 where onNewConnection:
            self = .uncertain(reason: explained("HTTP \(status) on a new connection: libcurl may have resent the "
                                               + "request after an earlier attempt was stored and its answer lost"))
        case 400..<500:
            self = .rejected(problem ?? Problem(status: status))
        case 500..<600:
            self = .uncertain(reason: explained("HTTP \(status): the access point may have stored the letter"))
        default:
            self = .failed(AccessPointError(
                .unexpectedStatus, "the access point answered HTTP \(status) to a send; check the base URL",
                status: status, problem: problem))
        }
    }

    /// Classifies a send that failed below HTTP: `uncertain` when libcurl had begun sending, `notSent` when the
    /// failure is transient and nothing was sent, `failed` otherwise (TLS, an unusable request, a missing file).
    public init(error: HTTPError) {
        if error.requestMayHaveBeenSent {
            self = .uncertain(reason: error.description)
        } else if error.disposition == .retry {
            self = .notSent(reason: error.description)
        } else {
            self = .failed(AccessPointError(transport: error))
        }
    }
}
