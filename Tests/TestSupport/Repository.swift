public import Foundation

/// Where things are, seen from the tests: the checkout and the shared reference material beside it.
public enum Repository {
    /// The checkout: three levels above this file (Tests/TestSupport/Repository.swift).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared` next to the checkout: spec and official DPI reference files.
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// Digdir's official complete examples (`../shared/dpi-reference/eksempler/komplette`).
    public static let examples = shared.appendingPathComponent("dpi-reference/eksempler/komplette")

    /// The bytes of one official example file, e.g. `eksempel.pem`.
    public static func example(_ name: String) throws -> Data {
        try Data(contentsOf: examples.appendingPathComponent(name))
    }

    /// The path of a script of `ops/`, e.g. `ops("pg-cluster")`.
    public static func ops(_ script: String) -> String {
        root.appendingPathComponent("ops").appendingPathComponent(script).path
    }
}
