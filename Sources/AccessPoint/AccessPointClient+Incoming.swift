extension AccessPointClient {
    /// `GET /messages/in?kanal=&avsenderidentifikator=&page_size=` (spec 10.4): up to `pageSize` unread receipts
    /// for this client's kanal (every kanal when it has none) and `avsenderidentifikator` (letters sent without
    /// one when nil; poll both ways when some letters carry one); `[]` on 204. Throws `AccessPointError` for any
    /// other answer that is not 2xx, for a malformed body, for a `pageSize` below 1 and for a failure below HTTP.
    public func incoming(avsenderidentifikator: String?, pageSize: Int, token: String) throws(AccessPointError)
        -> [IncomingMessage] {
        guard pageSize >= 1 else {
            throw AccessPointError(.invalidConfiguration, "the page size of a receipt poll must be at least 1")
        }
        var query: [(name: String, value: String)] = []
        if let kanal { query.append(("kanal", kanal)) }
        if let avsenderidentifikator { query.append(("avsenderidentifikator", avsenderidentifikator)) }
        query.append(("page_size", String(pageSize)))
        let response = try answer(.get, "/messages/in", query: query, token: token)
        switch response.status {
        case 204:
            return []
        case 200..<300:
            return try IncomingMessage.list(from: response.body)
        default:
            throw AccessPointError(response: response, of: "the receipt poll")
        }
    }

    /// `POST /messages/in/{id}/read` (spec 10.6): acknowledges the receipt whose own SBDH `instanceIdentifier` is
    /// `receiptMessageId`, so it leaves the list and the access point may delete it. Call it only once the receipt
    /// is stored. A 404 counts as already acknowledged, as in the reference client. Throws `AccessPointError` for
    /// any other answer that is not 2xx and for a failure below HTTP.
    public func markRead(_ receiptMessageId: String, token: String) throws(AccessPointError) {
        guard !receiptMessageId.isEmpty else {
            throw AccessPointError(.invalidConfiguration, "a receipt to acknowledge needs its message id")
        }
        let path = "/messages/in/\(Self.percentEncoded(receiptMessageId))/read"
        let response = try answer(.post, path, token: token)
        guard (200..<300).contains(response.status) || response.status == 404 else {
            throw AccessPointError(response: response, of: "the receipt acknowledgement")
        }
    }
}
