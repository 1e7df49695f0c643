public import Foundation

/// Where things are, seen from the tests: the checkout and the shared reference material beside it.
public enum Repository {
    /// The checkout: two levels above this file (Tests/TestSupport/Repository.swift).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared` next to the checkout: spec and official DPI reference files.
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// A script of `ops/`.
    public static func ops(_ script: String) -> String {
        root.appendingPathComponent("ops").appendingPathComponent(script).path
    }
}

/// A test precondition that does not hold (missing service, failed tool); the message says what to do.
public struct TestEnvironmentError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
