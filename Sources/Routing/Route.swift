public import Foundation
public import DPI
public import PKI

/// Where one letter goes: the outcome of `RoutingDecision` (spec 4.3).
public enum Route: Sendable, Equatable {
    /// To the person's digital mailbox.
    case digital(DigitalRoute)
    /// On paper, through the print provider; the reason says why not digitally.
    case print(RouteReason)
    /// Nowhere: `reason` says why (no address, print disabled, bad certificate) and `notDigitalBecause`
    /// why it could not go digitally in the first place (nil when the certificate was the problem).
    case unreachable(reason: RouteReason, notDigitalBecause: RouteReason?)

    /// The code to store in `dpi.delivery.route_reason`: `digital-mailbox`, the print reason, or the
    /// unreachable reason.
    public var reasonCode: String {
        switch self {
        case .digital: RouteReason.digitalMailbox.rawValue
        case .print(let reason): reason.rawValue
        case .unreachable(let reason, _): reason.rawValue
        }
    }
}

/// Everything needed to send one letter digitally: SBDH receiver, mailbox address, the certificate to
/// encrypt to (already validated) and the contacts for notifications.
public struct DigitalRoute: Sendable, Equatable {
    /// The mailbox provider (`postkasseleverandoeradresse`); the SBDH receiver is `0192:` + it.
    public var provider: OrganisationNumber
    /// `mottaker.postkasseadresse`.
    public var mailboxAddress: String
    /// The validated mailbox certificate, exactly as KRR returned it (spec 4.5).
    public var certificate: Certificate
    /// The e-mail address for notifications, if KRR gave one.
    public var email: String?
    /// The mobile number for notifications, if KRR gave one.
    public var mobile: String?
    /// When KRR last had the e-mail address updated or verified (the 18-month rule, spec 4.6).
    public var emailConfirmedAt: Date?
    /// When KRR last had the mobile number updated or verified.
    public var mobileConfirmedAt: Date?

    /// A digital route.
    public init(provider: OrganisationNumber, mailboxAddress: String, certificate: Certificate,
                email: String? = nil, mobile: String? = nil, emailConfirmedAt: Date? = nil,
                mobileConfirmedAt: Date? = nil) {
        self.provider = provider
        self.mailboxAddress = mailboxAddress
        self.certificate = certificate
        self.email = email
        self.mobile = mobile
        self.emailConfirmedAt = emailConfirmedAt
        self.mobileConfirmedAt = mobileConfirmedAt
    }

    /// Routes are equal when they name the same provider, mailbox, certificate and contacts.
    public static func == (lhs: DigitalRoute, rhs: DigitalRoute) -> Bool {
        lhs.provider == rhs.provider && lhs.mailboxAddress == rhs.mailboxAddress
            && lhs.certificate.der == rhs.certificate.der && lhs.email == rhs.email && lhs.mobile == rhs.mobile
            && lhs.emailConfirmedAt == rhs.emailConfirmedAt && lhs.mobileConfirmedAt == rhs.mobileConfirmedAt
    }
}
