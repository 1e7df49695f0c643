public import ErrorDisposition

/// Why a mailing run (or a command around it) could not do its work. The description is safe to log: it
/// never holds person ids, tokens or row data; `details` may say more for a debugging session.
public struct MailingError: ClassifiedError, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, comparable in tests.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }

        /// No job with the id given.
        public static let unknownJob = Code("unknown job")
        /// The job is in a state the command cannot work on (cancelled, completed).
        public static let jobNotRunnable = Code("job not runnable")
        /// The job's stored pipeline definition cannot be used.
        public static let invalidPipeline = Code("invalid pipeline")
        /// The access point refused the sender for good (403): nothing more is sent until it is fixed.
        public static let senderRefused = Code("sender refused")
        /// The print provider's certificate failed validation.
        public static let invalidPrintCertificate = Code("invalid print certificate")
        /// A stored row could not be read back.
        public static let corruptRow = Code("corrupt row")
        /// A dry-run folder could not be written.
        public static let dryRunOutput = Code("dry run output")
    }

    /// What went wrong.
    public let code: Code
    /// One log-safe sentence saying what is wrong and what to do.
    public let message: String
    /// More detail for debugging; may name files, never secrets.
    public let details: String?
    /// What the run does about it.
    public let disposition: Disposition

    /// An error with `code`; `message` must be safe to log.
    public init(_ code: Code, _ message: String, details: String? = nil, disposition: Disposition = .abort) {
        self.code = code
        self.message = message
        self.details = details
        self.disposition = disposition
    }

    public var description: String { message }

    public var debugDescription: String {
        "MailingError(\(code)): \(message)" + (details.map { " — \($0)" } ?? "")
    }
}
