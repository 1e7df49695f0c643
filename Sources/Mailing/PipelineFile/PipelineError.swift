public import ErrorDisposition

/// Why a pipeline definition (`pipelines/*.json`, or the copy stored in `dpi.mailing_job.pipeline`)
/// cannot be used. Every problem found is listed at once, each naming its field path
/// (`letter.securityLevel`, `print.returnAddress.postalCode`), so one edit fixes them all.
///
/// `description` is safe to log: field paths, rules, file paths and organisation numbers, never
/// notification texts or document content.
public struct PipelineError: ClassifiedError, Sendable, Equatable, CustomStringConvertible,
    CustomDebugStringConvertible {
    /// What kind of failure this is; compare errors by code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String

        /// The pipeline file could not be read at all (missing, unreadable).
        public static let unreadableFile = Code(name: "unreadable file")
        /// The definition was read but breaks one or more rules; `problems` lists them.
        public static let invalidDefinition = Code(name: "invalid definition")

        /// A short, stable name of the code, usable as a metric label.
        public var description: String { name }
    }

    /// One rule a field breaks.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// The field path, e.g. `letter.attachments[1].title`; `(file)` for the file as a whole.
        public let field: String
        /// What is wrong and what is expected.
        public let message: String

        /// A problem of `field`.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }

        /// `field: message`.
        public var description: String { "\(field): \(message)" }
    }

    /// What kind of failure this is.
    public let code: Code
    /// Every problem found, in field order; never empty.
    public let problems: [Problem]
    /// The file or job the definition came from, for messages.
    public let source: String

    init(_ code: Code, source: String, problems: [Problem]) {
        self.code = code
        self.source = source
        self.problems = problems
    }

    /// Always `.abort`: nothing may be sent until the definition is fixed.
    public var disposition: Disposition { .abort }

    /// Every problem on one line; `debugDescription` puts one per line.
    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "PipelineError(\(code)): \(source) has \(count); fix and retry: "
            + problems.map(\.description).joined(separator: "; ")
    }

    /// The summary line, then one problem per line.
    public var debugDescription: String {
        "PipelineError(\(code)): \(source)\n" + problems.map { "  " + $0.description }.joined(separator: "\n")
    }

    /// Errors are equal when code and problems are.
    public static func == (lhs: PipelineError, rhs: PipelineError) -> Bool {
        lhs.code == rhs.code && lhs.problems == rhs.problems
    }
}
