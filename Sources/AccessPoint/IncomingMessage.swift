import Foundation

/// One unread item of `GET /messages/in` (spec 10.4): in API version 1.0.0 always a receipt. Verify the JWS
/// and store it before acknowledging it with `AccessPointClient.markRead(_:token:)` (spec 10.6).
public struct IncomingMessage: Sendable, Equatable {
    /// The receipt as a compact JWS (`forretningsmelding`), signed by the provider that sent it.
    public var businessMessage: String
    /// Where to download the item's package (`downloadurl`); receipts have none.
    public var downloadURL: String?

    /// An incoming item.
    public init(businessMessage: String, downloadURL: String? = nil) {
        self.businessMessage = businessMessage
        self.downloadURL = downloadURL
    }

    /// The item as it travels.
    private struct Wire: Decodable {
        let forretningsmelding: String
        let downloadurl: String?
    }

    /// The items of a `GET /messages/in` body, in the order sent. Throws `.malformedResponse` unless the body
    /// is a JSON array of objects that each have a string `forretningsmelding`.
    static func list(from body: Data) throws(AccessPointError) -> [IncomingMessage] {
        do {
            return try JSONDecoder().decode([Wire].self, from: body).map {
                IncomingMessage(businessMessage: $0.forretningsmelding, downloadURL: $0.downloadurl)
            }
        } catch {
            throw AccessPointError(.malformedResponse,
                                   "the incoming messages are not a JSON array of {forretningsmelding, downloadurl}",
                                   status: 200, details: "\(error)")
        }
    }
}
