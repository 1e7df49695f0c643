import DPI
import Foundation
import HTTP

extension AccessPointSimulator {
    /// The most receipts one page holds.
    static let maximumPageSize = 1000

    /// `GET /messages/in`: the caller's unread receipts, oldest first, as `[{"forretningsmelding"}]`;
    /// 204 when there are none. Filters (spec 10.4, 17.3): `kanal` (absent: every channel),
    /// `avsenderidentifikator` (absent: only letters sent without one), `page_size` (default 10) and
    /// zero-based `page`.
    func inbox(_ request: HTTPServerRequest, token: MaskinportenToken) -> HTTPResponse {
        guard let pageSize = Int(request.query("page_size") ?? "10"), (1...Self.maximumPageSize).contains(pageSize),
              let page = Int(request.query("page") ?? "0"), page >= 0 else {
            return ProblemDetails.badRequest("page_size must be 1...\(Self.maximumPageSize) and page 0 or more")
                .response()
        }
        let filter = LetterStore.InboxFilter(owners: Self.owners(of: token),
                                             kanal: request.query("kanal")?.lowercased(),
                                             senderIdentifier: request.query("avsenderidentifikator"))
        let pageItems = store.inbox(filter, now: configuration.clock(), page: page, pageSize: pageSize,
                                    sign: signReceipt)
        guard !pageItems.isEmpty else { return HTTPResponse(status: 204) }
        let body = pageItems.map { ["forretningsmelding": $0.jwt] }
        return .json((try? JSONEncoder.simulator.encode(body)) ?? Data())
    }

    /// `POST /messages/in/{id}/read`: 200 and the receipt leaves the caller's list; 404 when there is no
    /// such unread receipt for the caller.
    func markRead(token: MaskinportenToken, id: String?) -> HTTPResponse {
        if let id, let observer = acknowledgementObserver.withLock({ $0 }) { observer.call(id.lowercased()) }
        guard let id, store.markRead(id.lowercased(), owners: Self.owners(of: token), now: configuration.clock()) else {
            return ProblemDetails(status: 404, title: "Not Found", detail: "no unread incoming message has this id")
                .response()
        }
        return HTTPResponse(status: 200)
    }

    /// `GET /messages/in/{id}`: incoming messages are all receipts, which have no package, so 404 (spec 17.3).
    func download() -> HTTPResponse {
        ProblemDetails(status: 404, title: "Not Found", detail: "no incoming message with a package has this id")
            .response()
    }

    /// The receipt JWT: the reply to the letter with the receipt's id, signed by the provider that got it.
    private func signReceipt(_ receipt: LetterStore.QueuedReceipt, for letter: StoredLetter) -> String? {
        let provider = providers[letter.provider]
        let time = Timestamp(receipt.due)
        let body = receipt.kind.body(answering: letter.message, issuer: provider.organisation, time: time)
        let reply = BusinessMessage.reply(to: letter.message, with: body, messageId: UUID(uuidString: receipt.id)
                                          ?? UUID(), createdAt: time)
        return try? provider.signer.sign(reply.jsonData())
    }
}
