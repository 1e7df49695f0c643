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
        /// The `DigestValue` text: base64 of the SHA-256, encoded once for both forms of SignedInfo.
        let digestValue: String

        init(uri: String, mimeType: String, sha256: Data) {
            self.uri = uri
            self.mimeType = mimeType
            digestValue = sha256.base64EncodedString()
        }
    }

    var references: [Reference]
    /// Zero placeholders until computed, so the text reads back as a well-formed signature before signing.
    var signedPropertiesDigest = Data(count: 32)
    var signatureValue = Data(count: 1)
    /// The `X509Certificate` elements, made once per signer by `keyInfo(_:)`.
    var keyInfo: [UInt8]
    var signingTime: String
    /// Base64 of the signer certificate's SHA-1 (`CertDigest`), encoded once per signer.
    var certificateDigest: String
    var issuerName: String
    var serialNumber: String

    /// The UTF-8 text of `signatures.xml`.
    func text() -> [UInt8] {
        // The certificates are most of the text; room for the rest is reserved too, so it grows once.
        var xml = XMLWriter(capacity: keyInfo.count + 2048 + 512 * references.count)
        xml.markup(#"<?xml version="1.0" encoding="UTF-8" standalone="no"?><XAdESSignatures xmlns=""#)
        xml.markup(XAdESProfile.asicNamespace)
        xml.markup(#""><Signature xmlns=""#)
        xml.markup(XAdESProfile.dsigNamespace)
        xml.markup(#"" Id=""#)
        xml.markup(XAdESProfile.signatureId)
        xml.markup(#"">"#)
        writeSignedInfo(to: &xml)
        xml.markup("<SignatureValue>")
        xml.wrappedBase64(signatureValue)
        xml.markup("</SignatureValue><KeyInfo><X509Data>")
        xml.markup(keyInfo)
        xml.markup("</X509Data></KeyInfo><Object>")
        xml.markup(#"<QualifyingProperties xmlns=""#)
        xml.markup(XAdESProfile.xadesNamespace)
        xml.markup(#"" xmlns:ns2=""#)
        xml.markup(XAdESProfile.dsigNamespace)
        xml.markup(##"" Target="#"##)
        xml.markup(XAdESProfile.signatureId)
        xml.markup(#"">"#)
        writeSignedProperties(to: &xml)
        xml.markup("</QualifyingProperties></Object></Signature></XAdESSignatures>")
        return xml.bytes
    }

    /// `SignedInfo` in `form`: the canonical form is what is signed.
    func signedInfo(_ form: XMLForm) -> [UInt8] {
        var xml = XMLWriter(form, capacity: 1024 + 512 * references.count)
        writeSignedInfo(to: &xml)
        return xml.bytes
    }

    /// `SignedProperties` in `form`: the canonical form is what its reference digests.
    func signedProperties(_ form: XMLForm) -> [UInt8] {
        var xml = XMLWriter(form, capacity: 1024 + 128 * references.count)
        writeSignedProperties(to: &xml)
        return xml.bytes
    }

    /// `SignedInfo`; in canonical form it declares the namespace it inherits in the document.
    private func writeSignedInfo(to xml: inout XMLWriter) {
        let c14n = CanonicalizationMethod.c14n10.rawValue
        if xml.form == .document {
            xml.markup("<SignedInfo>")
        } else {
            xml.markup(#"<SignedInfo xmlns=""#)
            xml.markup(XAdESProfile.dsigNamespace)
            xml.markup(#"">"#)
        }
        xml.empty("CanonicalizationMethod", algorithm: c14n)
        xml.empty("SignatureMethod", algorithm: XAdESProfile.signatureMethod)
        for (index, reference) in references.enumerated() {
            xml.markup(#"<Reference Id=""#)
            xml.markup(XAdESProfile.referenceId(index))
            xml.markup(#"" URI=""#)
            xml.attributeValue(reference.uri)
            xml.markup(#"">"#)
            writeDigest(reference.digestValue, to: &xml)
            xml.markup("</Reference>")
        }
        xml.markup(#"<Reference Type=""#)
        xml.markup(XAdESProfile.signedPropertiesType)
        xml.markup(##"" URI="#"##)
        xml.markup(XAdESProfile.signedPropertiesId)
        xml.markup(#""><Transforms>"#)
        xml.empty("Transform", algorithm: c14n)
        xml.markup("</Transforms>")
        writeDigest(signedPropertiesDigest.base64EncodedString(), to: &xml)
        xml.markup("</Reference></SignedInfo>")
    }

    /// `SignedProperties`; in canonical form it declares the two namespaces it inherits in the document.
    private func writeSignedProperties(to xml: inout XMLWriter) {
        if xml.form == .document {
            xml.markup("<SignedProperties ")
        } else {
            xml.markup(#"<SignedProperties xmlns=""#)
            xml.markup(XAdESProfile.xadesNamespace)
            xml.markup(#"" xmlns:ns2=""#)
            xml.markup(XAdESProfile.dsigNamespace)
            xml.markup(#"" "#)
        }
        xml.markup(#"Id=""#)
        xml.markup(XAdESProfile.signedPropertiesId)
        xml.markup(#""><SignedSignatureProperties><SigningTime>"#)
        xml.text(signingTime)
        xml.markup("</SigningTime><SigningCertificate><Cert><CertDigest>")
        xml.empty("ns2:DigestMethod", algorithm: XAdESProfile.sha1)
        xml.markup("<ns2:DigestValue>")
        xml.markup(certificateDigest)
        xml.markup("</ns2:DigestValue></CertDigest><IssuerSerial><ns2:X509IssuerName>")
        xml.text(issuerName)
        xml.markup("</ns2:X509IssuerName><ns2:X509SerialNumber>")
        xml.markup(serialNumber)
        xml.markup("</ns2:X509SerialNumber></IssuerSerial></Cert></SigningCertificate></SignedSignatureProperties>")
        xml.markup("<SignedDataObjectProperties>")
        for index in references.indices {
            xml.markup(##"<DataObjectFormat ObjectReference="#"##)
            xml.markup(XAdESProfile.referenceId(index))
            xml.markup(#""><MimeType>"#)
            xml.text(references[index].mimeType)
            xml.markup("</MimeType></DataObjectFormat>")
        }
        xml.markup("</SignedDataObjectProperties></SignedProperties>")
    }

    private func writeDigest(_ base64: String, to xml: inout XMLWriter) {
        xml.empty("DigestMethod", algorithm: XAdESProfile.sha256)
        xml.markup("<DigestValue>")
        xml.markup(base64)
        xml.markup("</DigestValue>")
    }

    /// The `X509Certificate` elements of `certificates` (DER), in order.
    static func keyInfo(_ certificates: [Data]) -> [UInt8] {
        var xml = XMLWriter(capacity: certificates.reduce(0) { $0 + $1.count * 2 })
        for certificate in certificates {
            xml.markup("<X509Certificate>")
            xml.wrappedBase64(certificate)
            xml.markup("</X509Certificate>")
        }
        return xml.bytes
    }
}
