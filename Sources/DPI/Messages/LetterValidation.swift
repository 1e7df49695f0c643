public import Foundation

extension DPIError.Code {
    /// A letter breaks a DPI rule; `field` names the part at fault.
    public static let invalidLetter = DPIError.Code("invalid letter")
}

/// Checks a letter against the DPI rules before a business message is built, so that a bad letter is
/// rejected here with the field at fault instead of coming back days later as a `feil` receipt.
///
/// Covers the JSON schema limits (titles, language, security level, notification texts and repetitions,
/// print addresses), the document rules of spec 7.1/7.5 (MIME types, names, count, size), the 18-month rule
/// for notification contacts (spec 4.6) and how far ahead the effective time may be.
public struct LetterValidation: Hashable, Sendable {
    /// Limits the sources leave to the sender; the defaults are conservative.
    public struct Limits: Hashable, Sendable {
        /// The package limit: 50 MB; the sources do not say MB or MiB, so we take 50 000 000 bytes (spec 18.17)
        /// and apply it to the sum of the documents.
        public var maximumTotalBytes: Int
        /// At most 200 attachments beside the main document (spec 7.1).
        public var maximumAttachments: Int
        /// How far ahead the effective time may be. Providers reject "too far ahead" without a number; we
        /// allow 365 days.
        public var maximumEffectiveDelay: TimeInterval
        /// Notification contacts older than this many months must not be used (spec 4.6).
        public var notificationContactMaximumMonths: Int

        /// Limits with the defaults above.
        public init(maximumTotalBytes: Int = 50_000_000, maximumAttachments: Int = 200,
                    maximumEffectiveDelay: TimeInterval = 365 * 86_400, notificationContactMaximumMonths: Int = 18) {
            self.maximumTotalBytes = maximumTotalBytes
            self.maximumAttachments = maximumAttachments
            self.maximumEffectiveDelay = maximumEffectiveDelay
            self.notificationContactMaximumMonths = notificationContactMaximumMonths
        }
    }

    /// The limits in force.
    public var limits: Limits

    /// A validation with the given limits.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Every rule a digital letter breaks, in field order; empty when it may be sent. `now` is the time of
    /// sending, for the effective-time and 18-month rules.
    public func errors(in letter: DigitalLetter, now: Date) -> [DPIError] {
        var findings = Findings()
        checkSender(letter.sender, &findings)
        findings.require(!letter.mailboxAddress.isEmpty, "mottaker.postkasseadresse", "mailbox address is empty")
        // Unicode's White_Space property is the set `CharacterSet.whitespacesAndNewlines` trims, checked
        // without bridging to NSString for every letter.
        let address = letter.mailboxAddress.unicodeScalars
        let surrounded = address.first?.properties.isWhitespace == true || address.last?.properties.isWhitespace == true
        findings.require(!surrounded, "mottaker.postkasseadresse", "mailbox address has surrounding whitespace")
        findings.requireLength(letter.nonSensitiveTitle, 1...255, "ikkesensitivtittel", "non-sensitive title")
        findings.require(letter.language.utf8.count == 2 && letter.language.allSatisfy { $0.isASCII && $0.isLetter },
                         "spraak", "language must be a two-letter ISO 639-1 code such as no or en")
        findings.require([3, 4].contains(letter.securityLevel), "sikkerhetsnivaa", "security level must be 3 or 4")
        if let effective = letter.effectiveTime {
            findings.require(effective.date.timeIntervalSince(now) <= limits.maximumEffectiveDelay,
                             "virkningstidspunkt",
                             "effective time is more than \(Int(limits.maximumEffectiveDelay / 86_400)) days ahead")
        }
        checkNotifications(letter, now: now, &findings)
        checkDocuments(letter.documents, allowedTypes: DocumentTypes.digital, &findings)
        return findings.errors
    }

    /// Every rule a print letter breaks, in field order; empty when it may be sent.
    public func errors(in letter: PrintLetter) -> [DPIError] {
        var findings = Findings()
        checkSender(letter.sender, &findings)
        checkAddress(letter.recipient, field: "mottaker", &findings)
        checkAddress(letter.returnAddress, field: "retur.mottaker", &findings)
        checkDocuments(letter.documents, allowedTypes: DocumentTypes.print, &findings)
        return findings.errors
    }

    /// Throws the first rule a digital letter breaks.
    ///
    /// - Throws: `DPIError` `invalidLetter` with `field` set.
    public func validate(_ letter: DigitalLetter, now: Date) throws {
        if let error = errors(in: letter, now: now).first { throw error }
    }

    /// Throws the first rule a print letter breaks.
    ///
    /// - Throws: `DPIError` `invalidLetter` with `field` set.
    public func validate(_ letter: PrintLetter) throws {
        if let error = errors(in: letter).first { throw error }
    }

    private func checkSender(_ sender: LetterSender, _ findings: inout Findings) {
        if let identifier = sender.senderIdentifier {
            findings.requireLength(identifier, 1...100, "avsender.avsenderidentifikator", "sender identifier")
        }
        if let reference = sender.invoiceReference {
            findings.requireLength(reference, 1...40, "avsender.fakturaReferanse", "invoice reference")
        }
    }
}

/// The errors found so far; each check appends one naming its field. Field names and messages are only
/// made for rules broken: every letter passes through here.
struct Findings {
    private(set) var errors: [DPIError] = []

    mutating func require(_ condition: Bool, _ field: @autoclosure () -> String,
                          _ message: @autoclosure () -> String) {
        if !condition { errors.append(DPIError(.invalidLetter, message(), field: field())) }
    }

    /// Lengths count Unicode scalars, as JSON Schema's `minLength`/`maxLength` do.
    mutating func requireLength(_ text: String, _ range: ClosedRange<Int>, _ field: @autoclosure () -> String,
                                _ name: String) {
        let count = text.unicodeScalars.count
        require(range.contains(count), field(),
                "\(name) must have \(range.lowerBound)–\(range.upperBound) characters, has \(count)")
    }
}
