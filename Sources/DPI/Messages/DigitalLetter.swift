public import Foundation

/// A letter to a digital mailbox, as the pipeline knows it after routing: everything the `digital`
/// business message needs apart from the per-sending `Transmission`.
public struct DigitalLetter: Hashable, Sendable {
    /// Avsender, optional sender identifier and Databehandler.
    public var sender: LetterSender
    /// The mailbox provider from KRR (`postkasseleverandoeradresse`), the SBDH receiver.
    public var mailboxProvider: OrganisationNumber
    /// The citizen's mailbox address from KRR.
    public var mailboxAddress: String
    /// Title shown before login and in notifications: 1–255 characters, nothing sensitive.
    public var nonSensitiveTitle: String
    /// Two-letter ISO 639-1 language code.
    public var language: String
    /// Authentication level needed to open: 3 or 4.
    public var securityLevel: Int
    /// Whether to request an opening receipt (priced; needs a documented assessment).
    public var requestsOpeningReceipt: Bool
    /// When the letter becomes visible (`virkningstidspunkt`); nil for at once.
    public var effectiveTime: Timestamp?
    /// Sender-controlled notifications; empty for none.
    public var notifications: Notifications
    /// When KRR last updated or verified the e-mail address used in `notifications` (18-month rule).
    public var emailContactVerifiedAt: Date?
    /// When KRR last updated or verified the mobile number used in `notifications` (18-month rule).
    public var mobileContactVerifiedAt: Date?
    /// The main document first, then the attachments.
    public var documents: [LetterDocument]

    /// A digital letter.
    public init(sender: LetterSender, mailboxProvider: OrganisationNumber, mailboxAddress: String,
                nonSensitiveTitle: String, language: String = "no", securityLevel: Int,
                requestsOpeningReceipt: Bool = false, effectiveTime: Timestamp? = nil,
                notifications: Notifications = Notifications(), emailContactVerifiedAt: Date? = nil,
                mobileContactVerifiedAt: Date? = nil, documents: [LetterDocument]) {
        self.sender = sender
        self.mailboxProvider = mailboxProvider
        self.mailboxAddress = mailboxAddress
        self.nonSensitiveTitle = nonSensitiveTitle
        self.language = language
        self.securityLevel = securityLevel
        self.requestsOpeningReceipt = requestsOpeningReceipt
        self.effectiveTime = effectiveTime
        self.notifications = notifications
        self.emailContactVerifiedAt = emailContactVerifiedAt
        self.mobileContactVerifiedAt = mobileContactVerifiedAt
        self.documents = documents
    }
}
