public import ErrorDisposition

/// Why a DPI format (identifier, business message, JWS, ZIP, ASiC-E, document package) could not be
/// built, read or verified.
///
/// `description` is safe to log: it names the field or rule at fault, never a person id, token, key or
/// document content. Details for debugging are in `debugDescription`. Errors compare by `code`.
public struct DPIError: ClassifiedError, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is. Each part of the module declares its codes in an extension
    /// (`extension DPIError.Code { public static let ... }`) next to the code that throws them.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String

        init(_ name: String) {
            self.name = name
        }

        /// A short, stable name of the code, usable as a metric label.
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// A log-safe sentence: what is wrong and what to fix.
    public let message: String
    /// The input field at fault, as a path such as `letter.title` or `mottaker.postkasseadresse`, when one is.
    public let field: String?
    /// Details for debugging; may quote input, so not for logs.
    public let details: String
    /// What the caller should do: most format errors concern the letter at hand (`.reject`).
    public let disposition: Disposition

    init(_ code: Code, _ message: String, field: String? = nil, details: String = "",
         disposition: Disposition = .reject) {
        self.code = code
        self.message = message
        self.field = field
        self.details = details
        self.disposition = disposition
    }

    /// `DPIError.code: [field: ]message`, safe to log.
    public var description: String {
        "DPIError.\(code): " + (field.map { "\($0): " } ?? "") + message
    }

    /// The description followed by the details.
    public var debugDescription: String { details.isEmpty ? description : "\(description) [\(details)]" }

    /// Errors are equal when their codes are: messages and details vary with the input.
    public static func == (lhs: DPIError, rhs: DPIError) -> Bool { lhs.code == rhs.code }
}
