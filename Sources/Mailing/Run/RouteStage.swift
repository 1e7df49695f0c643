import DPI
import ErrorDisposition
import Foundation
import HTTP
import Pipeline
import PKI
import Postgres
import Routing

/// Stage 1: routes a claimed batch with one KRR lookup and records, in one statement, each letter's route,
/// its KRR answer and — before any attempt can happen — its message and conversation ids (PRODUCT.md). Letters
/// that cannot be sent get their final state here; the rest go on to be sealed.
struct RouteStage: Stage {
    /// A worker's own database connection and HTTP client.
    final class Worker {
        let store: JobStore
        let http: HTTPClient

        init(store: JobStore, http: HTTPClient) {
            self.store = store
            self.http = http
        }
    }

    let services: RunServices
    let progress: ProgressMeter
    /// True for `--dry-run`: route, but write nothing.
    let dryRun: Bool
    /// How long a batch waits after KRR stayed unavailable past its retry policy.
    let outageDelay: TimeInterval

    func makeWorker() throws -> Worker {
        Worker(store: JobStore(connection: try Connection(services.databaseURL), owner: services.owner,
                               leaseDuration: services.leaseDuration),
               http: try HTTPClient())
    }

    func process(_ batch: [ClaimedLetter], worker: Worker) throws -> [RoutedLetter] {
        let outcomes: [Router.Outcome]
        do {
            outcomes = try services.router.route(batch.map(\.routingAddress),
                                                 printEnabled: services.template.print != nil)
        } catch let error as RoutingError where error.disposition == .retry {
            services.logger.warning("KRR unavailable (\(error)); \(batch.count) letters wait \(Int(outageDelay)) s")
            try postpone(batch, worker: worker)
            return []
        }
        var routed: [RoutedLetter] = []
        var updates: [LetterUpdate] = []
        for (letter, outcome) in zip(batch, outcomes) {
            let (next, update) = try decide(letter, outcome, worker: worker)
            updates.append(update)
            if let next { routed.append(next) }
        }
        guard !dryRun else { return routed }
        let states = try RetryPolicy().run { try worker.store.apply(updates) }
        for update in updates where !update.keepsLease {
            progress.record(states[update.recipientId] ?? update.state)
            services.runMetrics?.recorded(state: states[update.recipientId] ?? update.state)
        }
        return routed
    }

    /// The letter's next step and the update recording its route.
    private func decide(_ letter: ClaimedLetter, _ outcome: Router.Outcome,
                        worker: Worker) throws -> (RoutedLetter?, LetterUpdate) {
        let messageId = letter.messageId ?? UUID()
        let conversationId = letter.conversationId ?? UUID()
        let expiresAt = letter.expiresAt ?? services.clock().addingTimeInterval(services.template.expectedResponseTime)
        var update = LetterUpdate(recipientId: letter.recipientId, state: "routed", keepsLease: true)
        update.routeReason = outcome.route.reasonCode
        update.krrAnswer = outcome.krrSnapshot
        update.messageId = messageId
        update.conversationId = conversationId
        update.expiresAt = expiresAt
        update.kanal = services.kanal
        let plan: RoutedLetter.Plan
        switch outcome.route {
        case .digital(let route):
            update.channel = "digital"
            update.providerOrgno = route.provider.rawValue
            update.postboxAddress = route.mailboxAddress
            update.recipientCertSha256 = route.certificate.sha256Fingerprint.hexString
            plan = .send(.digital(route))
        case .print:
            let (provider, certificate) = try printDestination(worker: worker)
            update.channel = "print"
            update.providerOrgno = provider.rawValue
            update.recipientCertSha256 = certificate.sha256Fingerprint.hexString
            plan = .send(.print(provider: provider, certificate: certificate))
        case .unreachable(let reason, let notDigitalBecause):
            var final = LetterUpdate(recipientId: letter.recipientId, state: "unreachable")
            final.error = Self.explain(reason, notDigitalBecause)
            guard letter.mayHaveBeenSubmitted || dryRun else {
                final.routeReason = update.routeReason
                final.krrAnswer = update.krrAnswer
                return (nil, final)
            }
            plan = .finish(final)
        }
        return (RoutedLetter(letter: letter, messageId: messageId, conversationId: conversationId,
                             expiresAt: expiresAt, plan: plan), update)
    }

    /// The print provider and its certificate, validated (spec 4.4, 4.5). A certificate that fails validation
    /// stops the run: it is the same for every print letter, so it is a configuration matter, not a row's.
    private func printDestination(worker: Worker) throws -> (OrganisationNumber, Certificate) {
        let answer = try services.krr.printCertificate(using: worker.http)
        switch services.certificates.validate(provider: answer.provider, certificate: answer.certificate) {
        case .success(let certificate):
            return (try OrganisationNumber(answer.provider), certificate)
        case .failure(let rejection):
            throw MailingError(.invalidPrintCertificate, "the print provider's certificate from KRR failed "
                               + "validation (\(rejection.reason)); no print letter is sent until it is valid")
        }
    }

    /// Leaves the batch for a later claim: its letters are released with a retry time.
    private func postpone(_ batch: [ClaimedLetter], worker: Worker) throws {
        guard !dryRun else { return }
        let retryAt = services.clock().addingTimeInterval(outageDelay)
        try RetryPolicy().run {
            try worker.store.apply(batch.map { letter in
                var update = LetterUpdate(recipientId: letter.recipientId, state: letter.state)
                update.nextAttemptAt = retryAt
                update.error = "waiting for KRR, which was unavailable"
                return update
            })
        }
    }

    /// The text for `dpi.delivery.error` of an unreachable letter.
    static func explain(_ reason: RouteReason, _ notDigitalBecause: RouteReason?) -> String {
        let why = notDigitalBecause.map { " (not digital: \($0.rawValue))" } ?? ""
        switch reason {
        case .incompleteAddress: return "print needed but the row has no complete postal address" + why
        case .printDisabled: return "print needed but the pipeline has print disabled" + why
        case .invalidPersonIdentifier: return "the person id is not a valid national identity number or D-number"
        case .invalidProviderCertificate: return "the mailbox provider's certificate failed validation"
        default: return "cannot be sent: \(reason.rawValue)" + why
        }
    }
}

extension ClaimedLetter {
    /// The row's data as the router reads it.
    var routingAddress: RecipientAddress {
        RecipientAddress(personIdentifier: personId, name: name ?? "", lines: addressLines, postalCode: postalCode,
                         city: city, countryCode: countryCode)
    }
}
