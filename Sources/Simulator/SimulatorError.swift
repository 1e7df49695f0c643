public import ErrorDisposition

/// Why the simulator could not be set up: a seed file that cannot be read or holds bad entries, or a
/// configuration that contradicts itself. Request-level failures are never thrown: they are answered
/// over HTTP, as the real services do.
///
/// `description` is safe to log (it never quotes a person identifier); details are in `debugDescription`.
/// Errors compare by `code`.
public struct SimulatorError: ClassifiedError, Sendable, Equatable, CustomStringConvertible,
    CustomDebugStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String

        /// A seed file is missing or unreadable.
        public static let seedNotReadable = Code(name: "seed not readable")
        /// A seed file is not the documented JSON, or an entry breaks a rule (bad or duplicate identifier).
        public static let malformedSeed = Code(name: "malformed seed")
        /// The simulator configuration is inconsistent (for example a client without scopes).
        public static let invalidConfiguration = Code(name: "invalid configuration")

        /// A short, stable name of the code, usable as a metric label.
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// A log-safe sentence: what is wrong and what to fix.
    public let message: String
    /// Details for debugging; may quote input, so not for logs.
    public let details: String

    /// Setting up the simulator is configuration: nothing else can run until it is fixed.
    public var disposition: Disposition { .abort }

    init(_ code: Code, _ message: String, details: String = "") {
        self.code = code
        self.message = message
        self.details = details
    }

    /// `SimulatorError.code: message`, safe to log.
    public var description: String { "SimulatorError.\(code): \(message)" }

    /// The description followed by the details.
    public var debugDescription: String { details.isEmpty ? description : "\(description) [\(details)]" }

    /// Errors are equal when their codes are.
    public static func == (lhs: SimulatorError, rhs: SimulatorError) -> Bool { lhs.code == rhs.code }
}
