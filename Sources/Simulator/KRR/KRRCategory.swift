/// What the simulated contact register knows about a person: the cases a sender must route
/// differently (spec 4.2 and 4.3, checklist 17.2). The raw values are the `category` of a seed file.
public enum KRRCategory: String, Sendable, Codable, CaseIterable {
    /// Active, not reserved, can be notified, mailbox at Digipost (984661185): route digitally.
    case digipost
    /// Active, not reserved, can be notified, mailbox at e-Boks (922020175): route digitally.
    case eboks
    /// Reserved against digital communication (`reservasjon` `JA`, `KAN_IKKE_VARSLES`): route to print.
    case reserved
    /// Active and notifiable, contact information but no digital mailbox: route to print.
    case noMailbox = "no-mailbox"
    /// Active but `KAN_IKKE_VARSLES` (contact information older than 18 months): contact information,
    /// mailbox and certificate are hidden, as KRR does: route to print.
    case cannotNotify = "cannot-notify"
    /// `status` `SLETTET`: deleted from the register, nothing but the status.
    case deleted
    /// `status` `IKKE_REGISTRERT`: answered, but the register has nothing on the person.
    case notRegistered = "not-registered"
    /// Not in the register at all: left out of the response, as a sender must expect (spec 4.1).
    case unknown
}
