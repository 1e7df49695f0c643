/// Why a letter did not go digitally, as a stable lowercase code for the `dpi.delivery.route_reason` column
/// and for reports (spec 4.3).
public enum RouteReason: String, Sendable, Hashable, CaseIterable {
    /// The person has a mailbox and a valid certificate: the letter goes digitally.
    case digitalMailbox = "digital-mailbox"
    /// The row has no person id: it was meant for print.
    case printOnly = "print-only"
    /// `reservasjon JA`: the person is reserved against digital communication.
    case reserved
    /// `varslingsstatus KAN_IKKE_VARSLES`: contact information older than 18 months (spec 4.6).
    case cannotBeNotified = "cannot-be-notified"
    /// Active and notifiable, but no digital mailbox or no certificate.
    case noMailbox = "no-mailbox"
    /// `status` neither `AKTIV`, `SLETTET` nor `IKKE_REGISTRERT`.
    case inactive
    /// `status SLETTET`.
    case deleted
    /// `status IKKE_REGISTRERT`.
    case notRegistered = "not-registered"
    /// KRR left the person out of its answer.
    case unknown
    /// Print was needed but the row has no complete postal address: manual handling.
    case incompleteAddress = "incomplete-address"
    /// Print was needed but print is disabled for this job.
    case printDisabled = "print-disabled"
    /// KRR refused the person id as malformed (400 even alone): the row needs correcting.
    case invalidPersonIdentifier = "invalid-person-identifier"
    /// The mailbox certificate failed validation; a letter is never encrypted to it (spec 4.5).
    case invalidProviderCertificate = "invalid-provider-certificate"
}
