public import DPI

/// A Maskinporten client as registered in the simulator: which organisation owns it, which scopes it may
/// ask for, and for which organisations it may act as data processor (Databehandler) through
/// `consumer_org`, standing in for the Altinn delegations the real Maskinporten checks (spec 3.2).
public struct RegisteredClient: Sendable, Equatable {
    /// The client id, the grant's `iss` (e.g. `MOVE_IP_991825827`).
    public var clientID: String
    /// The organisation owning the client; its enterprise certificate must sign the grant.
    public var organisation: OrganisationNumber
    /// The scopes the client may be given, e.g. `digitalpostinnbygger:send`.
    public var scopes: Set<String>
    /// Organisations that delegated to this client's organisation: the allowed `consumer_org` values.
    public var onBehalfOf: Set<OrganisationNumber>

    /// A client of `organisation` allowed `scopes`, acting for the organisations in `onBehalfOf`.
    public init(clientID: String, organisation: OrganisationNumber, scopes: Set<String>,
                onBehalfOf: Set<OrganisationNumber> = []) {
        self.clientID = clientID
        self.organisation = organisation
        self.scopes = scopes
        self.onBehalfOf = onBehalfOf
    }
}
