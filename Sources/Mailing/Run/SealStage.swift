import DPI
import ErrorDisposition
import Foundation
import HTTP
import Pipeline

/// Stage 2, on every core: builds, signs and encrypts each routed letter with the token it will be sent
/// with. A letter past its expected response time is not built (it is not sent); a letter whose documents
/// cannot be used becomes unreachable with the reason, and the job goes on.
struct SealStage: Stage {
    let services: RunServices
    /// True for `--dry-run`: the sealed letter is only written out.
    let dryRun: Bool

    func makeWorker() throws -> HTTPClient { try HTTPClient() }

    func process(_ routed: RoutedLetter, worker http: HTTPClient) throws -> ReadyLetter {
        let destination: RoutedLetter.Destination
        switch routed.plan {
        case .finish(let update):
            return ReadyLetter(routed: routed, action: .finish(update))
        case .send(let target):
            destination = target
        }
        if services.clock() > routed.expiresAt {
            var expired = LetterUpdate(recipientId: routed.letter.recipientId, state: "expired")
            expired.error = "the expected response time passed before the letter could be sent"
            return ReadyLetter(routed: routed, action: .finish(expired))
        }
        let reseal: @Sendable (String) throws -> SealedLetter
        do {
            reseal = try sealer(for: routed, destination)
            let token = try services.maskinporten.token(scope: RunServices.sendScope, consumer: services.tokenConsumer,
                                                        using: http)
            let sealed = try reseal(token.compact)
            return ReadyLetter(routed: routed, action: dryRun ? .inspect(sealed)
                : .submit(sealed, token: token.compact, reseal: reseal))
        } catch let problem as LetterProblem {
            return unreachable(routed, problem.description)
        } catch let error as DPIError where error.disposition == .reject {
            return unreachable(routed, "the letter cannot be built: \(error.description)")
        }
    }

    /// A closure that seals the letter around a token (again after a 401, with the same ids).
    private func sealer(for routed: RoutedLetter,
                        _ destination: RoutedLetter.Destination) throws -> @Sendable (String) throws -> SealedLetter {
        let composer = services.composer
        let (documents, contents) = try composer.documents(ownDocumentPath: routed.letter.documentPath)
        let sealer = services.sealer, clock = services.clock
        let (messageId, conversationId) = (routed.messageId, routed.conversationId)
        let expectedResponseBy = Timestamp(routed.expiresAt)
        switch destination {
        case .digital(let route):
            let letter = composer.digital(routed.letter, route: route, documents: documents)
            return { token in
                try sealer.seal(letter, contents: contents, messageId: messageId, conversationId: conversationId,
                                createdAt: Timestamp(clock()), expectedResponseBy: expectedResponseBy,
                                maskinportenToken: token, recipient: route.certificate)
            }
        case .print(let provider, let certificate):
            guard let letter = composer.print(routed.letter, provider: provider, documents: documents) else {
                throw LetterProblem("print: the pipeline has print disabled")
            }
            return { token in
                try sealer.seal(letter, contents: contents, messageId: messageId, conversationId: conversationId,
                                createdAt: Timestamp(clock()), expectedResponseBy: expectedResponseBy,
                                maskinportenToken: token, recipient: certificate)
            }
        }
    }

    private func unreachable(_ routed: RoutedLetter, _ reason: String) -> ReadyLetter {
        var update = LetterUpdate(recipientId: routed.letter.recipientId, state: "unreachable")
        update.error = reason
        return ReadyLetter(routed: routed, action: .finish(update))
    }
}
