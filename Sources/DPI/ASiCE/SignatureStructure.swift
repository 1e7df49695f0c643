import Foundation

/// The parts of a `signatures.xml` a verifier needs, found by walking the DPI XAdES structure (spec 7.4)
/// strictly: one `Signature` in `XAdESSignatures`, `SignedInfo` / `SignatureValue` / `KeyInfo` / `Object`
/// in order, only the algorithms of the profile. Every departure throws `.malformedSignature`. The
/// SignedProperties are taken from this structure and must carry the referenced `Id`, so a second element
/// with the same `Id` elsewhere cannot be substituted (signature wrapping).
struct SignatureStructure {
    struct FileReference {
        let id: String?
        let uri: String
        let sha256: Data
    }

    struct CertificateDigest {
        let sha1: Bool
        let value: Data
        let serialNumber: String
    }

    let signedInfo: XMLTree.Element
    let canonicalization: CanonicalizationMethod
    let fileReferences: [FileReference]
    let signedPropertiesTransform: CanonicalizationMethod
    let signedPropertiesDigest: Data
    let signatureValue: Data
    let certificates: [Data]
    let signedProperties: XMLTree.Element
    let signingTime: String
    let certificateDigests: [CertificateDigest]
    /// `DataObjectFormat` MIME types by the `Id` of the reference they describe.
    let mimeTypes: [String: String]

    init(_ tree: XMLTree) throws {
        let root = try Self.expect(tree.root, "XAdESSignatures", XAdESProfile.asicNamespace)
        let signature = try Self.only(root, "Signature", XAdESProfile.dsigNamespace)
        let parts = signature.children
        guard parts.count >= 4, parts.allSatisfy({ $0.namespace == XAdESProfile.dsigNamespace }),
              parts[0].name == "SignedInfo", parts[1].name == "SignatureValue", parts[2].name == "KeyInfo",
              parts[3...].allSatisfy({ $0.name == "Object" }) else {
            throw Self.malformed("Signature must hold SignedInfo, SignatureValue, KeyInfo and Object, in this order")
        }
        signedInfo = parts[0]
        signatureValue = try Self.base64(parts[1], "SignatureValue")
        certificates = try Self.certificates(in: parts[2])

        let info = try SignedInfoContent(signedInfo)
        canonicalization = info.canonicalization
        fileReferences = info.fileReferences
        signedPropertiesTransform = info.signedPropertiesTransform
        signedPropertiesDigest = info.signedPropertiesDigest

        let qualifying = parts[3...].flatMap(\.children)
            .filter { $0.name == "QualifyingProperties" && $0.namespace == XAdESProfile.xadesNamespace }
        guard qualifying.count == 1 else { throw Self.malformed("expected one QualifyingProperties in Object") }
        if let id = signature.attribute("Id"), qualifying[0].attribute("Target") != "#" + id {
            throw Self.malformed("QualifyingProperties must target the Signature (#\(id))")
        }
        signedProperties = try Self.only(qualifying[0], "SignedProperties", XAdESProfile.xadesNamespace)
        guard signedProperties.attribute("Id") == info.signedPropertiesId else {
            throw Self.malformed("the SignedProperties reference must point at the SignedProperties element")
        }
        let properties = try SignedPropertiesContent(signedProperties)
        signingTime = properties.signingTime
        certificateDigests = properties.certificateDigests
        mimeTypes = properties.mimeTypes
    }

    static func malformed(_ message: String, details: String = "") -> DPIError {
        DPIError(.malformedSignature, "signatures.xml: " + message, details: details)
    }

    /// `element` itself, checked to have `name` in `namespace`.
    static func expect(_ element: XMLTree.Element?, _ name: String, _ namespace: String) throws -> XMLTree.Element {
        guard let element, element.name == name, element.namespace == namespace else {
            throw malformed("expected \(name) (\(namespace)), found \(element?.name ?? "nothing")")
        }
        return element
    }

    /// The one child of `parent`, which must be `name` in `namespace`.
    static func only(_ parent: XMLTree.Element, _ name: String, _ namespace: String) throws -> XMLTree.Element {
        let children = parent.children
        guard children.count == 1 else { throw malformed("\(parent.name) must hold exactly one \(name)") }
        return try expect(children[0], name, namespace)
    }

    /// The children of `parent`, which must be exactly `names` (all in `namespace`), in that order.
    static func sequence(_ parent: XMLTree.Element, _ names: [String], _ namespace: String) throws
        -> [XMLTree.Element] {
        let children = parent.children
        guard children.map(\.name) == names, children.allSatisfy({ $0.namespace == namespace }) else {
            throw malformed("\(parent.name) must hold \(names.joined(separator: ", "))",
                            details: "found \(children.map(\.name))")
        }
        return children
    }

    /// The base64 content of an element; line breaks (`&#13;` + LF in the reference) are ignored.
    static func base64(_ element: XMLTree.Element, _ what: String) throws -> Data {
        let text = element.text.filter { !$0.isWhitespace }
        guard !text.isEmpty, let data = Data(base64Encoded: text) else {
            throw malformed("\(what) is not base64")
        }
        return data
    }

    /// The trimmed text of a leaf element.
    static func text(_ element: XMLTree.Element) -> String {
        element.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func certificates(in keyInfo: XMLTree.Element) throws -> [Data] {
        let data = try only(keyInfo, "X509Data", XAdESProfile.dsigNamespace)
        let elements = data.children
        guard !elements.isEmpty,
              elements.allSatisfy({ $0.name == "X509Certificate" && $0.namespace == XAdESProfile.dsigNamespace }) else {
            throw malformed("KeyInfo must hold X509Data with X509Certificate elements only")
        }
        return try elements.map { try base64($0, "X509Certificate") }
    }
}
