extension MailingError.Code {
    /// A receipt that cannot be read far enough to find its letter (no JWS, no ids).
    public static let unreadableReceipt = MailingError.Code("unreadable receipt")
    /// The access point refused or failed the receipt poll, an acknowledgement or a status query for good.
    public static let receiptPoll = MailingError.Code("receipt poll")
}
