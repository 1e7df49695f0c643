import Mailing

/// One `dpi-batch <command>`: what it accepts, its help text, and what it does.
protocol Command {
    /// The word after `dpi-batch`.
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The full `--help` text: usage line, what it does, options.
    static var help: String { get }
    /// Options taking a value, besides the `--config FILE` every command accepts.
    static var valueOptions: Set<String> { get }
    /// Options without a value, besides `--help`.
    static var flags: Set<String> { get }

    init(_ arguments: Arguments) throws(UsageError)

    /// Does the work; returns the exit code (PRODUCT.md: 0 done, 1 could not do its work, 3 timed out).
    func run(_ configuration: Configuration) throws -> Int32
}

extension Command {
    static var valueOptions: Set<String> { [] }
    static var flags: Set<String> { [] }
}
