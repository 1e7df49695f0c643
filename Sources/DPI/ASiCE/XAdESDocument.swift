import Foundation

/// The text of `META-INF/signatures.xml` from its values, laid out exactly as the reference sender writes
/// it (spec 7.4): no whitespace between elements, the namespace prefixes and attribute order of the
/// examples, base64 of the signature and certificates wrapped at 76 characters with `&#13;` + LF.
/// Canonicalising this text reproduces the examples' digests; `XAdESSignature` fills in the digests.
struct XAdESDocument {
    struct Reference {
        let uri: String
        let mimeType: String
        let sha256: Data
    }

    var references: [Reference]
    /// Zero placeholders until computed, so the text reads back as a well-formed signature before signing.
    var signedPropertiesDigest = Data(count: 32)
    var signatureValue = Data(count: 1)
    var certificates: [Data]
    var signingTime: String
    var certificateDigest: Data
    var issuerName: String
    var serialNumber: String

    func text() -> String {
        let c14n = CanonicalizationMethod.c14n10.rawValue
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="no"?>"#
        xml += #"<XAdESSignatures xmlns="\#(XAdESProfile.asicNamespace)">"#
        xml += #"<Signature xmlns="\#(XAdESProfile.dsigNamespace)" Id="\#(XAdESProfile.signatureId)"><SignedInfo>"#
        xml += #"<CanonicalizationMethod Algorithm="\#(c14n)"/>"#
        xml += #"<SignatureMethod Algorithm="\#(XAdESProfile.signatureMethod)"/>"#
        for (index, reference) in references.enumerated() {
            let uri = XMLEscaping.attribute(reference.uri)
            xml += #"<Reference Id="\#(XAdESProfile.referenceId(index))" URI="\#(uri)">"#
                + Self.digest(reference.sha256) + "</Reference>"
        }
        xml += ##"<Reference Type="\##(XAdESProfile.signedPropertiesType)" "##
            + ##"URI="#\##(XAdESProfile.signedPropertiesId)">"##
        xml += #"<Transforms><Transform Algorithm="\#(c14n)"/></Transforms>"#
        xml += Self.digest(signedPropertiesDigest) + "</Reference></SignedInfo>"
        xml += "<SignatureValue>\(Self.wrapped(signatureValue))</SignatureValue><KeyInfo><X509Data>"
        xml += certificates.map { "<X509Certificate>\(Self.wrapped($0))</X509Certificate>" }.joined()
        xml += "</X509Data></KeyInfo><Object>" + qualifyingProperties() + "</Object></Signature></XAdESSignatures>"
        return xml
    }

    private func qualifyingProperties() -> String {
        var xml = #"<QualifyingProperties xmlns="\#(XAdESProfile.xadesNamespace)" "#
            + ##"xmlns:ns2="\##(XAdESProfile.dsigNamespace)" Target="#\##(XAdESProfile.signatureId)">"##
        xml += #"<SignedProperties Id="\#(XAdESProfile.signedPropertiesId)"><SignedSignatureProperties>"#
        xml += "<SigningTime>\(XMLEscaping.text(signingTime))</SigningTime><SigningCertificate><Cert><CertDigest>"
        xml += #"<ns2:DigestMethod Algorithm="\#(XAdESProfile.sha1)"/>"#
        xml += "<ns2:DigestValue>\(certificateDigest.base64EncodedString())</ns2:DigestValue></CertDigest>"
        xml += "<IssuerSerial><ns2:X509IssuerName>\(XMLEscaping.text(issuerName))</ns2:X509IssuerName>"
        xml += "<ns2:X509SerialNumber>\(serialNumber)</ns2:X509SerialNumber></IssuerSerial>"
        xml += "</Cert></SigningCertificate></SignedSignatureProperties><SignedDataObjectProperties>"
        for (index, reference) in references.enumerated() {
            xml += ##"<DataObjectFormat ObjectReference="#\##(XAdESProfile.referenceId(index))">"##
                + "<MimeType>\(XMLEscaping.text(reference.mimeType))</MimeType></DataObjectFormat>"
        }
        return xml + "</SignedDataObjectProperties></SignedProperties></QualifyingProperties>"
    }

    private static func digest(_ value: Data) -> String {
        #"<DigestMethod Algorithm="\#(XAdESProfile.sha256)"/>"#
            + "<DigestValue>\(value.base64EncodedString())</DigestValue>"
    }

    /// Base64 in lines of 76 characters joined by CR LF, the CR written as `&#13;` (Java's MIME encoder as
    /// the reference's XML writer leaves it). Outside the signed data, but kept for a like-for-like file.
    private static func wrapped(_ value: Data) -> String {
        value.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            .replacingOccurrences(of: "\r\n", with: "&#13;\n")
    }
}
