import Foundation
import TestSupport

/// The official DPI example files under `shared/dpi-reference/eksempler`, read as the tests need them.
enum ExampleFiles {
    static let folder = Repository.shared.appendingPathComponent("dpi-reference/eksempler")

    /// The scenarios of `eksempler/komplette`.
    static let scenarios = ["digital", "digital-avsenderidentifikator", "digital-pa-vegne-av", "utskrift"]

    /// The receipt samples (`lerveringskvittering_*.json`, the file names' spelling).
    static let receiptSamples = ["lerveringskvittering_nav_sample.json", "lerveringskvittering_budnad_sample.json",
                                 "lerveringskvittering_budnad2_sample.json"]

    /// The bytes of a file relative to `eksempler/`.
    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(path))
    }

    /// The decoded business message JSON of a complete scenario.
    static func businessMessage(_ scenario: String) throws -> Data {
        try data("komplette/\(scenario)-forretningsmelding.json")
    }

    /// The payload of the scenario's signed business message (compact JWS), exactly as signed.
    static func signedPayload(_ scenario: String) throws -> Data {
        let jws = String(decoding: try data("komplette/\(scenario)-forretningsmelding.jwt"), as: UTF8.self)
        let parts = jws.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".")
        guard parts.count == 3 else { throw TestEnvironmentError("\(scenario) JWS does not have three parts") }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let payload = Data(base64Encoded: base64) else { throw TestEnvironmentError("bad base64 in \(scenario)") }
        return payload
    }
}

/// Reads values out of untyped JSON by dotted path, so tests take their inputs from the example files
/// without going through the decoder under test.
struct JSONTree {
    let root: Any

    init(_ data: Data) throws {
        root = try JSONSerialization.jsonObject(with: data)
    }

    /// The value at `path` (`a.b.0.c`), or a test error naming the path.
    func value(_ path: String) throws -> Any {
        var node: Any = root
        for part in path.split(separator: ".") {
            if let index = Int(part), let array = node as? [Any], array.indices.contains(index) {
                node = array[index]
            } else if let object = node as? [String: Any], let next = object[String(part)] {
                node = next
            } else {
                throw TestEnvironmentError("no value at \(path)")
            }
        }
        return node
    }

    func string(_ path: String) throws -> String {
        guard let text = try value(path) as? String else { throw TestEnvironmentError("\(path) is not a string") }
        return text
    }

    func optionalString(_ path: String) -> String? { try? string(path) }

    /// Whether two JSON documents are equal as values (key order and escaping ignored).
    static func equal(_ lhs: Data, _ rhs: Data) throws -> Bool {
        let left = try JSONSerialization.jsonObject(with: lhs) as? NSDictionary
        let right = try JSONSerialization.jsonObject(with: rhs) as? NSDictionary
        return left != nil && left == right
    }
}
