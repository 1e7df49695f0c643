import Foundation

/// `SignedInfo` of a DPI signature: C14N method, RSA-SHA256, one SHA-256 reference per file (no
/// transforms), and one reference of type SignedProperties to `#<Id>` with a C14N transform.
struct SignedInfoContent {
    let canonicalization: CanonicalizationMethod
    let fileReferences: [SignatureStructure.FileReference]
    let signedPropertiesId: String
    let signedPropertiesTransform: CanonicalizationMethod
    let signedPropertiesDigest: Data

    init(_ signedInfo: XMLTree.Element) throws {
        let namespace = XAdESProfile.dsigNamespace
        let children = signedInfo.children
        guard children.count >= 3, children.allSatisfy({ $0.namespace == namespace }),
              children[0].name == "CanonicalizationMethod", children[1].name == "SignatureMethod",
              children[2...].allSatisfy({ $0.name == "Reference" }) else {
            throw SignatureStructure.malformed("SignedInfo must hold CanonicalizationMethod, SignatureMethod and "
                                               + "References, in this order")
        }
        canonicalization = try Self.canonicalization(children[0])
        guard children[1].attribute("Algorithm") == XAdESProfile.signatureMethod, children[1].children.isEmpty else {
            throw SignatureStructure.malformed("the signature method must be RSA-SHA256",
                                               details: children[1].attribute("Algorithm") ?? "none")
        }
        var files: [SignatureStructure.FileReference] = []
        var properties: (id: String, transform: CanonicalizationMethod, digest: Data)?
        for reference in children[2...] {
            guard let uri = reference.attribute("URI") else {
                throw SignatureStructure.malformed("every Reference needs a URI")
            }
            let isProperties = reference.attribute("Type") == XAdESProfile.signedPropertiesType
            let parts = reference.children
            let digestParts = try SignatureStructure.sequence(
                reference, (parts.count == 3 ? ["Transforms"] : []) + ["DigestMethod", "DigestValue"], namespace)
            let digest = try Self.sha256(method: digestParts[digestParts.count - 2], value: digestParts.last!)
            if isProperties {
                guard properties == nil, uri.hasPrefix("#"), uri.count > 1 else {
                    throw SignatureStructure.malformed("expected one SignedProperties reference to #<Id>")
                }
                let transform = parts.count == 3 ? try Self.transform(parts[0]) : .c14n10
                properties = (String(uri.dropFirst()), transform, digest)
            } else {
                guard parts.count == 2 else {
                    throw SignatureStructure.malformed("a file reference may not have transforms")
                }
                guard let decoded = Self.fileName(uri) else {
                    throw SignatureStructure.malformed("a file reference must be a relative URI of a package file",
                                                       details: uri)
                }
                files.append(.init(id: reference.attribute("Id"), uri: decoded, sha256: digest))
            }
        }
        guard let properties else {
            throw SignatureStructure.malformed("SignedInfo lacks the SignedProperties reference")
        }
        fileReferences = files
        signedPropertiesId = properties.id
        signedPropertiesTransform = properties.transform
        signedPropertiesDigest = properties.digest
    }

    private static func canonicalization(_ element: XMLTree.Element) throws -> CanonicalizationMethod {
        let algorithm = element.attribute("Algorithm")
        guard element.children.isEmpty, let method = algorithm.flatMap({ CanonicalizationMethod(rawValue: $0) }) else {
            throw SignatureStructure.malformed("the canonicalisation method must be C14N 1.0 or 1.1 without comments",
                                               details: element.attribute("Algorithm") ?? "none")
        }
        return method
    }

    private static func transform(_ transforms: XMLTree.Element) throws -> CanonicalizationMethod {
        let transform = try SignatureStructure.only(transforms, "Transform", XAdESProfile.dsigNamespace)
        return try canonicalization(transform)
    }

    private static func sha256(method: XMLTree.Element, value: XMLTree.Element) throws -> Data {
        guard method.attribute("Algorithm") == XAdESProfile.sha256 else {
            throw SignatureStructure.malformed("reference digests must be SHA-256",
                                               details: method.attribute("Algorithm") ?? "none")
        }
        let digest = try SignatureStructure.base64(value, "DigestValue")
        guard digest.count == 32 else { throw SignatureStructure.malformed("a SHA-256 DigestValue must be 32 bytes") }
        return digest
    }

    /// The package file a reference URI names: relative, no fragment or query, percent-decoded.
    private static func fileName(_ uri: String) -> String? {
        guard !uri.isEmpty, !uri.hasPrefix("/"), !uri.contains("#"), !uri.contains("?"), !uri.contains(":") else {
            return nil
        }
        return uri.removingPercentEncoding
    }
}
