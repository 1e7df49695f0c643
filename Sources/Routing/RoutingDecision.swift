public import PKI
import DPI

/// The routing rule of spec 4.3 as a pure function: KRR's answer for a person (or its absence) and the
/// recipient row give digital, print or unreachable. Never digital to a reserved person.
public enum RoutingDecision {
    /// Decides the route of one letter.
    ///
    /// - Parameters:
    ///   - person: KRR's record for the row's person; nil when KRR left the person out.
    ///   - recipient: the row's person id and postal address.
    ///   - printEnabled: whether letters may go on paper in this job.
    ///   - validCertificate: the validated certificate for a mailbox provider and KRR's certificate text, or
    ///     nil when it fails validation (see `ProviderCertificates`).
    public static func decide(person: KRRPerson?, recipient: RecipientAddress, printEnabled: Bool,
                              validCertificate: (_ provider: String, _ certificate: String) -> Certificate?)
        -> Route {
        guard recipient.personIdentifier != nil else { return paper(.printOnly, recipient, printEnabled) }
        guard let person else { return paper(.unknown, recipient, printEnabled) }
        if let reason = notDigitalReason(person) { return paper(reason, recipient, printEnabled) }
        guard let mailbox = person.mailbox, let text = person.certificate,
              let provider = try? OrganisationNumber(mailbox.provider) else {
            return paper(.noMailbox, recipient, printEnabled)
        }
        guard let certificate = validCertificate(mailbox.provider, text) else {
            return .unreachable(reason: .invalidProviderCertificate, notDigitalBecause: nil)
        }
        return .digital(DigitalRoute(provider: provider, mailboxAddress: mailbox.address, certificate: certificate,
                                     email: person.email, mobile: person.mobile,
                                     emailConfirmedAt: person.emailConfirmedAt,
                                     mobileConfirmedAt: person.mobileConfirmedAt))
    }

    /// Why KRR's answer forbids digital delivery, checked in the order of spec 4.3; nil when a mailbox
    /// may be used.
    static func notDigitalReason(_ person: KRRPerson) -> RouteReason? {
        if person.reserved { return .reserved }
        switch person.status {
        case .active: break
        case .deleted: return .deleted
        case .notRegistered: return .notRegistered
        case .other: return .inactive
        }
        if !person.canBeNotified { return .cannotBeNotified }
        return nil
    }

    /// Print for `reason` when print is on and the row has a complete address, else unreachable.
    private static func paper(_ reason: RouteReason, _ recipient: RecipientAddress, _ printEnabled: Bool) -> Route {
        guard printEnabled else { return .unreachable(reason: .printDisabled, notDigitalBecause: reason) }
        guard recipient.hasCompletePostalAddress else {
            return .unreachable(reason: .incompleteAddress, notDigitalBecause: reason)
        }
        return .print(reason)
    }
}
