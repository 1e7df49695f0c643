/// Spec 15 item 11: the senders the providers know. Digdir tells the providers of each new sender and of
/// each `avsenderidentifikator` it registers; a letter from an organisation not registered, or naming an
/// identifier not registered for its Avsender, is refused as `sender-not-registered`.
struct SenderRegister: Sendable {
    /// Avsender organisation number → its registered `avsenderidentifikator` values; nil: every sender and
    /// identifier is registered.
    let identifiers: [String: Set<String>]?

    /// Throws unless the Avsender of `fields` is registered, and its identifier, when it names one.
    func check(_ fields: LetterFields) throws(LetterRejection) {
        guard let identifiers else { return }
        guard let organisation = fields.sender.organisation.organisationNumber?.rawValue,
              let registered = identifiers[organisation] else {
            throw LetterRejection(rule: "sender-not-registered",
                                  detail: "the avsender is not registered as a sender with the provider; ask Digdir "
                                      + "to register the organisation")
        }
        if let identifier = fields.sender.senderIdentifier, !registered.contains(identifier) {
            throw LetterRejection(rule: "sender-not-registered",
                                  detail: "the avsenderidentifikator is not registered for this avsender; ask Digdir "
                                      + "to register it, or send without it")
        }
    }
}
