import DPI
import Foundation
import HTTP

extension AccessPointSimulator {
    /// `POST /messages/out`: 201 with no body when the letter passes every check and is stored; 400
    /// problem+json naming the broken rule; 401/403 for the token; injected 503 (before storing), 500 or a
    /// dropped connection (after storing).
    func send(_ request: HTTPServerRequest, token: MaskinportenToken) -> HTTPResponse {
        let fault = faults.sendFault()
        if fault == .unavailable {
            store.count { $0.serviceUnavailable += 1 }
            return ProblemDetails(status: 503, title: "Service Unavailable",
                                  detail: "simulated outage; nothing was stored, retry later")
                .response(headers: ["Retry-After": "1"])
        }
        do {
            let (jwt, cms, kanal) = try Self.parts(of: request)
            let letter = try admit(jwt: jwt, cms: cms, token: token, kanal: kanal)
            let receipts = letter.transportFails ? [] : ReceiptPlan.receipts(
                messageId: letter.messageId, isPrint: providers[letter.provider].isPrint,
                requestsOpening: letter.requestsOpeningReceipt, acceptedAt: letter.acceptedAt,
                settings: configuration.receipts)
            guard let acceptedCount = store.store(letter, receipts: receipts) else {
                return LetterRejection(rule: "message-id-reused",
                                       detail: "a letter with this message id was already accepted; a new sending "
                                           + "needs a new message id", status: configuration.duplicateStatus).response
            }
            acceptanceTrigger.letterAccepted(acceptedCount: acceptedCount)
        } catch {
            store.count { $0.rejected[error.rule, default: 0] += 1 }
            return error.response
        }
        switch fault {
        case .failAfterStore:
            store.count { $0.failedAfterStore += 1 }
            return ProblemDetails(status: 500, title: "Internal Server Error",
                                  detail: "simulated failure after the letter was stored; check its statuses")
                .response()
        case .dropAfterStore:
            store.count { $0.droppedAfterStore += 1 }
            return HTTPResponse(status: 201, fault: .closeWithoutResponse)
        case .none, .unavailable:
            return HTTPResponse(status: 201)
        }
    }

    /// The two parts of the multipart body and the validated, lower-cased `kanal` query parameter.
    private static func parts(of request: HTTPServerRequest) throws(LetterRejection) -> (String, Data, String?) {
        guard let contentType = request.headers.first(name: "Content-Type"),
              contentType.lowercased().hasPrefix("multipart/form-data"),
              let form = try? MultipartFormData(body: request.body, contentType: contentType) else {
            throw LetterRejection(rule: "malformed-multipart",
                                  detail: "the body must be multipart/form-data with a boundary")
        }
        let names = form.parts.map { $0.name ?? "" }
        guard names.count == 2, Set(names) == ["forretningsmelding", "dokumentpakke"],
              let message = form.part(named: "forretningsmelding"),
              let package = form.part(named: "dokumentpakke") else {
            throw LetterRejection(rule: "malformed-multipart",
                                  detail: "exactly the parts forretningsmelding and dokumentpakke are required")
        }
        var kanal: String?
        if let value = request.query("kanal") {
            guard (1...28).contains(value.count),
                  value.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic
                      || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }) else {
                throw LetterRejection(rule: "invalid-kanal",
                                      detail: "kanal must be 1 to 28 of the characters a-z A-Z 0-9 _ -")
            }
            kanal = value.lowercased()
        }
        let jwt = String(decoding: message.body, as: UTF8.self).trimmingASCIIWhitespace()
        return (jwt, package.body, kanal)
    }
}
