import Foundation

/// The text of `META-INF/signatures.xml` from its values, laid out exactly as the reference sender writes
/// it (spec 7.4): no whitespace between elements, the namespace prefixes and attribute order of the
/// examples, base64 of the signature and certificates wrapped at 76 characters with `&#13;` + LF.
///
/// The two signed parts, SignedInfo and SignedProperties, are also written directly in their C14N 1.0 form
/// (`XMLForm.canonical`) — what canonicalising them in this document yields, and so the input to their
/// digest and signature — which spares parsing and canonicalising the document for every letter.
/// Tests check the written canonical forms against libxml2's C14N of the document text.
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
    /// The `X509Certificate` elements, made once per signer by `keyInfo(_:)`.
    var keyInfo: String
    var signingTime: String
    var certificateDigest: Data
    var issuerName: String
    var serialNumber: String

    func text() -> String {
        var xml = ""
        // The certificates are most of the text; room for the rest is reserved too, so it grows once.
        xml.reserveCapacity(keyInfo.utf8.count + 2048 + 512 * references.count)
        xml += #"<?xml version="1.0" encoding="UTF-8" standalone="no"?>"#
        xml += #"<XAdESSignatures xmlns="\#(XAdESProfile.asicNamespace)">"#
        xml += #"<Signature xmlns="\#(XAdESProfile.dsigNamespace)" Id="\#(XAdESProfile.signatureId)">"#
        xml += signedInfo(.document)
        xml += "<SignatureValue>\(Self.wrapped(signatureValue))</SignatureValue><KeyInfo><X509Data>"
        xml += keyInfo
        xml += "</X509Data></KeyInfo><Object>"
        xml += #"<QualifyingProperties xmlns="\#(XAdESProfile.xadesNamespace)" "#
            + ##"xmlns:ns2="\##(XAdESProfile.dsigNamespace)" Target="#\##(XAdESProfile.signatureId)">"##
        xml += signedProperties(.document)
        return xml + "</QualifyingProperties></Object></Signature></XAdESSignatures>"
    }

    /// `SignedInfo`; in canonical form it declares the namespace it inherits in the document.
    func signedInfo(_ form: XMLForm) -> String {
        let c14n = CanonicalizationMethod.c14n10.rawValue
        var xml = form == .document
            ? "<SignedInfo>" : #"<SignedInfo xmlns="\#(XAdESProfile.dsigNamespace)">"#
        xml += form.empty("CanonicalizationMethod", #"Algorithm="\#(c14n)""#)
        xml += form.empty("SignatureMethod", #"Algorithm="\#(XAdESProfile.signatureMethod)""#)
        for (index, reference) in references.enumerated() {
            xml += #"<Reference Id="\#(XAdESProfile.referenceId(index))" URI="\#(form.attribute(reference.uri))">"#
                + digest(reference.sha256, form) + "</Reference>"
        }
        xml += ##"<Reference Type="\##(XAdESProfile.signedPropertiesType)" "##
            + ##"URI="#\##(XAdESProfile.signedPropertiesId)">"##
        xml += "<Transforms>" + form.empty("Transform", #"Algorithm="\#(c14n)""#) + "</Transforms>"
        return xml + digest(signedPropertiesDigest, form) + "</Reference></SignedInfo>"
    }

    /// `SignedProperties`; in canonical form it declares the two namespaces it inherits in the document.
    func signedProperties(_ form: XMLForm) -> String {
        var xml = form == .document ? "<SignedProperties " : #"<SignedProperties xmlns="\#(XAdESProfile.xadesNamespace)" "#
            + #"xmlns:ns2="\#(XAdESProfile.dsigNamespace)" "#
        xml += #"Id="\#(XAdESProfile.signedPropertiesId)"><SignedSignatureProperties>"#
        xml += "<SigningTime>\(form.text(signingTime))</SigningTime><SigningCertificate><Cert><CertDigest>"
        xml += form.empty("ns2:DigestMethod", #"Algorithm="\#(XAdESProfile.sha1)""#)
        xml += "<ns2:DigestValue>\(certificateDigest.base64EncodedString())</ns2:DigestValue></CertDigest>"
        xml += "<IssuerSerial><ns2:X509IssuerName>\(form.text(issuerName))</ns2:X509IssuerName>"
        xml += "<ns2:X509SerialNumber>\(serialNumber)</ns2:X509SerialNumber></IssuerSerial>"
        xml += "</Cert></SigningCertificate></SignedSignatureProperties><SignedDataObjectProperties>"
        for (index, reference) in references.enumerated() {
            xml += ##"<DataObjectFormat ObjectReference="#\##(XAdESProfile.referenceId(index))">"##
                + "<MimeType>\(form.text(reference.mimeType))</MimeType></DataObjectFormat>"
        }
        return xml + "</SignedDataObjectProperties></SignedProperties>"
    }

    /// The `X509Certificate` elements of `certificates` (DER), in order.
    static func keyInfo(_ certificates: [Data]) -> String {
        certificates.map { "<X509Certificate>\(wrapped($0))</X509Certificate>" }.joined()
    }

    private func digest(_ value: Data, _ form: XMLForm) -> String {
        form.empty("DigestMethod", #"Algorithm="\#(XAdESProfile.sha256)""#)
            + "<DigestValue>\(value.base64EncodedString())</DigestValue>"
    }

    /// Base64 in lines of 76 characters joined by CR LF, the CR written as `&#13;` (Java's MIME encoder as
    /// the reference's XML writer leaves it). Outside the signed data, but kept for a like-for-like file.
    /// Cut by hand: Foundation's line options followed by `replacingOccurrences` cost as much as the
    /// rest of the document text.
    static func wrapped(_ value: Data) -> String {
        let base64 = Array(value.base64EncodedString().utf8)
        var text = ""
        text.reserveCapacity(base64.count + base64.count / 76 * 6)
        for start in stride(from: 0, to: base64.count, by: 76) {
            if start > 0 { text += "&#13;\n" }
            text += String(decoding: base64[start..<min(start + 76, base64.count)], as: UTF8.self)
        }
        return text
    }
}

/// How a part of a hand-written XML document is spelled: as it stands in the file, or in C14N 1.0 form
/// (empty elements as start-end pairs, C14N's escapes), which is what canonicalising the file yields.
enum XMLForm {
    case document
    case canonical

    /// An element without content, with `attributes` already written as `name="value"`.
    func empty(_ name: String, _ attributes: String) -> String {
        self == .document ? "<\(name) \(attributes)/>" : "<\(name) \(attributes)></\(name)>"
    }

    /// Character data.
    func text(_ value: String) -> String {
        self == .document ? XMLEscaping.text(value) : XMLEscaping.canonicalText(value)
    }

    /// A double-quoted attribute value.
    func attribute(_ value: String) -> String {
        self == .document ? XMLEscaping.attribute(value) : XMLEscaping.canonicalAttribute(value)
    }
}
