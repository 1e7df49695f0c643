/// A test precondition that does not hold (missing service, failed or hung tool); the message says what
/// happened and what to do. Thrown rather than `#require`d so that this target needs no `Testing`.
public struct TestEnvironmentError: Error, CustomStringConvertible {
    /// What went wrong, with the tool's error output when there is one.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
