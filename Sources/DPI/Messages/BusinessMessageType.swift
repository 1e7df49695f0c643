/// The DPI business message types (spec 2.4): the `documentIdentification.type` of the SBDH and the JSON
/// key of the body beside it.
public enum BusinessMessageType: String, CaseIterable, Hashable, Sendable {
    /// A letter to a digital mailbox (sender → mailbox provider).
    case digital
    /// A letter to print (sender → print provider).
    case utskrift
    /// Delivered to the mailbox, or printed and posted.
    case leveringskvittering
    /// Opened by the citizen.
    case aapningskvittering
    /// Print only: received and queued for printing.
    case mottakskvittering
    /// Print only: returned as undeliverable and shredded.
    case returpostkvittering
    /// A notification on one channel failed.
    case varslingfeiletkvittering
    /// The provider rejected or failed the letter.
    case feil
    /// Moved between mailbox providers (providers only).
    case flyttet

    /// The type for a `type` value, matched case-insensitively as the reference does.
    public init?(caseInsensitive text: String) {
        self.init(rawValue: text.lowercased())
    }

    /// `documentIdentification.standard` for this type.
    public var standard: String {
        "urn:fdc:digdir.no:2020:innbyggerpost:xsd::innbyggerpost##urn:fdc:digdir.no:2020:innbyggerpost:schema:"
            + rawValue + "::1.0"
    }

    /// Whether this is a receipt or error message that answers a letter we sent.
    public var isReceipt: Bool { ![.digital, .utskrift, .flyttet].contains(self) }
}

/// The process identifiers of `businessScope.scope[0].identifier` (spec 2.4). Receipts copy the process of
/// the letter they answer.
public enum BusinessProcess: String, CaseIterable, Hashable, Sendable {
    /// Digital mail.
    case digital = "urn:fdc:digdir.no:2020:profile:egovernment:innbyggerpost:digital:ver1.0"
    /// Print.
    case print = "urn:fdc:digdir.no:2020:profile:egovernment:innbyggerpost:utskrift:ver1.0"
    /// Moved mail, between providers.
    case moved = "urn:fdc:digdir.no:2020:profile:egovernment:innbyggerpost:flyttet:ver1.0"
}
