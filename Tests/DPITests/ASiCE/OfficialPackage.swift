import Foundation
import Testing
import TestSupport

/// One of the four official decrypted example packages (`dpi-reference/eksempler/komplette/*-dokumentpakke.zip`),
/// read with the real `unzip` so that our own ZIP code is not part of what these tests trust.
struct OfficialPackage: CustomTestStringConvertible, Sendable {
    /// The scenario prefix: `digital`, `digital-avsenderidentifikator`, `digital-pa-vegne-av`, `utskrift`.
    let scenario: String
    /// A moment inside the signer certificate's validity: the example certificates have since expired,
    /// so every time-dependent check uses this fixed clock instead of now.
    let validAt: Date
    /// The signer's decimal serial number and organisation number (spec Appendix A, certificate subjects).
    let signerSerial: String
    let signerOrganisation: String

    static let all = [
        OfficialPackage(scenario: "digital", validAt: date("2022-03-16T13:30:00Z"),
                        signerSerial: "2836039216632045589163741", signerOrganisation: "991825827"),
        OfficialPackage(scenario: "digital-avsenderidentifikator", validAt: date("2022-03-16T13:30:00Z"),
                        signerSerial: "2836039216632045589163741", signerOrganisation: "991825827"),
        OfficialPackage(scenario: "digital-pa-vegne-av", validAt: date("2022-03-16T13:30:00Z"),
                        signerSerial: "2716681957128005607018431", signerOrganisation: "810969342"),
        OfficialPackage(scenario: "utskrift", validAt: date("2023-11-14T20:30:00Z"),
                        signerSerial: "1933733462811169382363077", signerOrganisation: "991825827"),
    ]

    static var digital: OfficialPackage { all[0] }

    var testDescription: String { scenario }

    var zip: URL {
        Repository.shared.appendingPathComponent("dpi-reference/eksempler/komplette/\(scenario)-dokumentpakke.zip")
    }

    /// The uncompressed bytes of one entry.
    func entry(_ name: String) throws -> Data {
        try ChildProcess.succeed("unzip", ["-p", zip.path, name]).stdout
    }

    /// Every entry by name (including `mimetype` and `META-INF/`).
    func entries() throws -> [String: Data] {
        let names = try ChildProcess.succeed("zipinfo", ["-1", zip.path]).text.split(separator: "\n").map(String.init)
        return try Dictionary(uniqueKeysWithValues: names.map { ($0, try entry($0)) })
    }

    var signatures: Data {
        get throws { try entry("META-INF/signatures.xml") }
    }

    private static func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }
}

/// Official test material, read once per call: the spec and the XSD folder beside the checkout.
enum Reference {
    static var spec: String {
        get throws {
            try String(contentsOf: Repository.shared.appendingPathComponent("spec/dpi-sender-spec.md"), encoding: .utf8)
        }
    }

    static let manifestSchema = Repository.shared.appendingPathComponent("dpi-reference/xsd/sdp-manifest.xsd")
}
