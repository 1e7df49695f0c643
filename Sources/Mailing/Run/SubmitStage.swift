import AccessPoint
import DPI
import ErrorDisposition
import Foundation
import HTTP
import Pipeline

/// Stage 3, `maxInFlight` workers: submits each sealed letter under the shared rate budget, exactly once.
///
/// | access point says                  | then                                                              |
/// |------------------------------------|-------------------------------------------------------------------|
/// | 2xx                                | `submitted`                                                       |
/// | 400 (other 4xx)                    | `rejected` with the problem — unless the statuses endpoint knows  |
/// |                                    | the id (an earlier attempt was stored): then `submitted`          |
/// | 401                                | new token, letter sealed again around it (same ids), sent again   |
/// | 403                                | the run stops (`senderRefused`); the letter stays unsent          |
/// | 429                                | every process pauses for Retry-After, then the same bytes again   |
/// | 5xx, timeout, dropped connection   | backoff; the statuses endpoint asked before the same bytes go     |
/// |                                    | again; after `attemptsPerClaim`, `submitting` with a retry time   |
/// | a request that cannot be made      | the error's disposition: `rejected` for this letter, or the run   |
/// |                                    | stops (TLS, a wrong base URL)                                     |
///
/// A letter that may already be at the access point (claimed again after a crash) is first looked up by its
/// message id; a letter is never given a new id (PRODUCT.md).
struct SubmitStage: Stage {
    /// A worker's HTTP client and the access point client on it.
    final class Worker {
        let http: HTTPClient
        let accessPoint: AccessPointClient

        init(http: HTTPClient, accessPoint: AccessPointClient) {
            self.http = http
            self.accessPoint = accessPoint
        }
    }

    let services: RunServices
    let budget: SendBudget
    /// Cancelled for a graceful stop: letters not yet sent are released, not sent.
    let stop: Cancellation
    /// Attempts before a letter is put back with a retry time for a later claim.
    var attemptsPerClaim = 6
    /// Backoff between attempts within one claim.
    var backoff = RetryPolicy(initialDelay: .milliseconds(250), maxDelay: .seconds(8))
    /// How long a letter that exhausted its attempts waits before it is claimed again.
    var retryLater: TimeInterval = 30

    func makeWorker() throws -> Worker {
        let http = try HTTPClient()
        return Worker(http: http, accessPoint: try AccessPointClient(baseURL: services.accessPointURL,
                                                                      kanal: services.kanal, client: http))
    }

    func process(_ ready: ReadyLetter, worker: Worker) throws -> LetterUpdate {
        let letter = ready.routed.letter
        if letter.mayHaveBeenSubmitted, let known = try knownToAccessPoint(ready.routed, worker: worker) {
            return known
        }
        switch ready.action {
        case .finish(let update):
            return update
        case .inspect:
            preconditionFailure("dry-run letters never reach the submit stage")
        case .submit(let sealed, let token, let reseal):
            return try submit(ready.routed, sealed, sealedWith: token, reseal: reseal, worker: worker)
        }
    }

    private func submit(_ routed: RoutedLetter, _ first: SealedLetter, sealedWith firstToken: String,
                        reseal: @Sendable (String) throws -> SealedLetter, worker: Worker) throws -> LetterUpdate {
        var sealed = first
        var sealedWith = firstToken
        var attempts = 0
        var mayBeStored = routed.letter.mayHaveBeenSubmitted
        var refreshedToken = false
        var lastFailure = ""
        var retry = 0
        while attempts < attemptsPerClaim {
            guard !stop.isCancelled, budget.acquire(stop: stop) else { return release(routed, attempts: attempts) }
            if services.clock() > routed.expiresAt {
                return try expire(routed, attempts: attempts, worker: worker)
            }
            let token = try services.maskinporten.token(scope: RunServices.sendScope,
                                                        consumer: services.tokenConsumer, using: worker.http).compact
            if token != sealedWith {  // the cached token was refreshed since sealing: the JWS must embed this one
                sealed = try reseal(token)
                sealedWith = token
            }
            attempts += 1
            services.runMetrics?.inFlight(1)
            let outcome = worker.accessPoint.send(jwt: sealed.jwt, cms: sealed.cms, token: token)
            services.runMetrics?.inFlight(-1)
            services.runMetrics?.answered(outcome)
            switch outcome {
            case .accepted:
                return submitted(routed, sealed, attempts: attempts)
            case .rejected(let problem):
                // Always asked, not only after an uncertain attempt: an earlier attempt may have been stored
                // behind an answer that looked safe (libcurl resends on a fresh connection by itself, and that
                // resend may meet a 429), and then this refusal is of a duplicate, not of the letter.
                if let known = try knownToAccessPoint(routed, worker: worker) {
                    return known.adding(attempts: attempts)
                }
                return rejected(routed, problem, attempts: attempts)
            case .unauthorized:
                guard !refreshedToken else {
                    throw MailingError(.senderRefused, "the access point refused a freshly issued token (401); "
                                       + "check DPI_MASKINPORTEN_* and the client's scopes")
                }
                services.maskinporten.invalidate()
                refreshedToken = true
                continue
            case .forbidden(let problem):
                throw MailingError(.senderRefused, "the access point refused this sender (403): "
                                   + (problem?.summary ?? "no detail") + "; nothing more is sent until it is fixed")
            case .rateLimited(let retryAfter):
                budget.rateLimited(retryAfter: retryAfter ?? 1)
                lastFailure = "rate limited (429)"
                continue
            case .unavailable(let problem, let retryAfter):
                mayBeStored = true
                lastFailure = "access point unavailable: " + (problem?.summary ?? "no detail")
                retry += 1
                pause(max(retryAfter ?? 0, backoff.delay(beforeRetry: retry).inSeconds))
            case .uncertain(let reason):
                mayBeStored = true
                lastFailure = "outcome unknown: \(reason)"
                retry += 1
                pause(backoff.delay(beforeRetry: retry).inSeconds)
            case .notSent(let reason):
                lastFailure = "not sent: \(reason)"
                retry += 1
                pause(backoff.delay(beforeRetry: retry).inSeconds)
            case .failed(let error):
                guard error.disposition == .reject else { throw error }
                var update = LetterUpdate(recipientId: routed.letter.recipientId, state: "rejected")
                update.error = "the letter could not be sent: \(error)"
                update.attemptsAdded = attempts
                return update
            }
            if mayBeStored, let known = try knownToAccessPoint(routed, worker: worker) {
                return known.adding(attempts: attempts)
            }
        }
        var later = LetterUpdate(recipientId: routed.letter.recipientId, state: "submitting")
        later.attemptsAdded = attempts
        later.nextAttemptAt = services.clock().addingTimeInterval(retryLater)
        later.error = lastFailure
        return later
    }

    /// `submitted` when the access point knows the letter's message id, nil when it does not (or cannot say).
    private func knownToAccessPoint(_ routed: RoutedLetter, worker: Worker) throws -> LetterUpdate? {
        let token = try services.maskinporten.token(scope: RunServices.sendScope, consumer: services.tokenConsumer,
                                                    using: worker.http)
        guard let statuses = try? worker.accessPoint.statuses(of: routed.messageId, token: token.compact),
              let last = statuses.last else { return nil }
        var update = LetterUpdate(recipientId: routed.letter.recipientId, state: "submitted")
        update.lastStatus = last.status.rawValue
        update.submittedAt = statuses.first?.timestamp ?? services.clock()
        return update
    }

    private func submitted(_ routed: RoutedLetter, _ sealed: SealedLetter, attempts: Int) -> LetterUpdate {
        var update = LetterUpdate(recipientId: routed.letter.recipientId, state: "submitted")
        update.fingerprint = sealed.fingerprint.digestValue
        update.submittedAt = services.clock()
        update.attemptsAdded = attempts
        return update
    }

    private func rejected(_ routed: RoutedLetter, _ problem: Problem, attempts: Int) -> LetterUpdate {
        var update = LetterUpdate(recipientId: routed.letter.recipientId, state: "rejected")
        update.error = "the access point refused the letter: \(problem.summary)"
        update.problem = (try? JSONEncoder().encode(problem)).map { String(decoding: $0, as: UTF8.self) }
        update.attemptsAdded = attempts
        return update
    }

    /// `expired`, unless the access point turns out to have the letter (asked whatever this claim saw, as for
    /// a rejection).
    private func expire(_ routed: RoutedLetter, attempts: Int, worker: Worker) throws -> LetterUpdate {
        if let known = try knownToAccessPoint(routed, worker: worker) {
            return known.adding(attempts: attempts)
        }
        var update = LetterUpdate(recipientId: routed.letter.recipientId, state: "expired")
        update.error = "the expected response time passed before the access point accepted the letter"
        update.attemptsAdded = attempts
        return update
    }

    /// The letter goes back unsent (a graceful stop): only its lease and attempt count change.
    private func release(_ routed: RoutedLetter, attempts: Int) -> LetterUpdate {
        var update = LetterUpdate(recipientId: routed.letter.recipientId, state: "routed")
        update.attemptsAdded = attempts
        return update
    }

    private func pause(_ seconds: TimeInterval) {
        guard seconds > 0, !stop.isCancelled else { return }
        Thread.sleep(forTimeInterval: seconds)
    }
}

extension LetterUpdate {
    /// The same update counting `attempts` more attempts.
    func adding(attempts: Int) -> LetterUpdate {
        var copy = self
        copy.attemptsAdded = (attemptsAdded ?? 0) + attempts
        return copy
    }
}
