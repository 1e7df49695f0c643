import Foundation

/// `SignedProperties` of a DPI signature: `SigningTime`, `SigningCertificate` (certificate digest and
/// issuer/serial) and, optionally, one `DataObjectFormat` with a `MimeType` per file reference.
struct SignedPropertiesContent {
    let signingTime: String
    let certificateDigests: [SignatureStructure.CertificateDigest]
    let mimeTypes: [String: String]

    init(_ signedProperties: XMLTree.Element) throws {
        let xades = XAdESProfile.xadesNamespace
        let children = signedProperties.children
        guard (1...2).contains(children.count), children.allSatisfy({ $0.namespace == xades }),
              children[0].name == "SignedSignatureProperties",
              children.count == 1 || children[1].name == "SignedDataObjectProperties" else {
            throw SignatureStructure.malformed("SignedProperties must hold SignedSignatureProperties "
                                               + "(and SignedDataObjectProperties)")
        }
        let signatureProperties = children[0].children
        guard signatureProperties.count >= 2, signatureProperties.allSatisfy({ $0.namespace == xades }),
              signatureProperties[0].name == "SigningTime", signatureProperties[1].name == "SigningCertificate" else {
            throw SignatureStructure.malformed("SignedSignatureProperties must start with SigningTime and "
                                               + "SigningCertificate")
        }
        signingTime = SignatureStructure.text(signatureProperties[0])
        let certificates = signatureProperties[1].children
        guard !certificates.isEmpty, certificates.allSatisfy({ $0.name == "Cert" && $0.namespace == xades }) else {
            throw SignatureStructure.malformed("SigningCertificate must hold Cert elements")
        }
        certificateDigests = try certificates.map(Self.certificateDigest)
        mimeTypes = children.count == 2 ? try Self.mimeTypes(children[1]) : [:]
    }

    private static func certificateDigest(_ cert: XMLTree.Element) throws -> SignatureStructure.CertificateDigest {
        let dsig = XAdESProfile.dsigNamespace
        let parts = try SignatureStructure.sequence(cert, ["CertDigest", "IssuerSerial"], XAdESProfile.xadesNamespace)
        let digest = try SignatureStructure.sequence(parts[0], ["DigestMethod", "DigestValue"], dsig)
        let issuerSerial = try SignatureStructure.sequence(parts[1], ["X509IssuerName", "X509SerialNumber"], dsig)
        let algorithm = digest[0].attribute("Algorithm")
        guard algorithm == XAdESProfile.sha1 || algorithm == XAdESProfile.sha256 else {
            throw SignatureStructure.malformed("the certificate digest must be SHA-1 or SHA-256",
                                               details: algorithm ?? "none")
        }
        return .init(sha1: algorithm == XAdESProfile.sha1,
                     value: try SignatureStructure.base64(digest[1], "CertDigest DigestValue"),
                     serialNumber: SignatureStructure.text(issuerSerial[1]))
    }

    private static func mimeTypes(_ dataObjectProperties: XMLTree.Element) throws -> [String: String] {
        var mimeTypes: [String: String] = [:]
        for format in dataObjectProperties.children where format.name == "DataObjectFormat" {
            guard format.namespace == XAdESProfile.xadesNamespace,
                  let target = format.attribute("ObjectReference"), target.hasPrefix("#"),
                  let mimeType = format.children.first(where: { $0.name == "MimeType" }) else {
                throw SignatureStructure.malformed("a DataObjectFormat needs an ObjectReference and a MimeType")
            }
            mimeTypes[String(target.dropFirst())] = SignatureStructure.text(mimeType)
        }
        return mimeTypes
    }
}
