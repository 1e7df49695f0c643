public import Foundation

extension AccessPointClient {
    /// `GET /messages/out/{id}/statuses` (spec 10.3): the transport statuses of the letter whose SBDH
    /// `instanceIdentifier` is `messageId`, oldest first as sent. Returns nil when the access point does not know
    /// the id (404), which after an uncertain send means it did not store the letter. Throws `AccessPointError` for
    /// any other answer that is not 2xx, for a malformed body and for a failure below HTTP.
    public func statuses(of messageId: UUID, token: String) throws(AccessPointError) -> [TransportStatus]? {
        let path = "/messages/out/\(messageId.uuidString.lowercased())/statuses"
        let response = try answer(.get, path, token: token)
        switch response.status {
        case 404:
            return nil
        case 204:
            return []
        case 200..<300:
            return try TransportStatus.list(from: response.body)
        default:
            throw AccessPointError(response: response, of: "the transport status query")
        }
    }
}
