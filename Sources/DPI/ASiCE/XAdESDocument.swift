import Foundation

/// The text of `META-INF/signatures.xml` from its values, laid out exactly as the reference sender writes
/// it (spec 7.4): no whitespace between elements, the namespace prefixes and attribute order of the
/// examples, base64 of the signature and certificates wrapped at 76 characters with `&#13;` + LF.
///
/// The two signed parts, SignedInfo and SignedProperties, are also written directly in their C14N 1.0 form
/// (`XMLForm.canonical`) — what canonicalising them in this document yields, and so the input to their
/// digest and signature — which spares parsing and canonicalising the document for every letter.
/// Tests check the written canonical forms against libxml2's C14N of the document text.
///
/// Everything but a letter's own values (its files, their digests, the signing time, the signature) is
/// written once per signer in `XAdESSignerParts`; a letter's text is those parts with its values between.
struct XAdESDocument {
    struct Reference {
        let uri: String
        let mimeType: String
        /// The `DigestValue` text: base64 of the SHA-256, encoded once for both forms of SignedInfo.
        let digestValue: String

        init(uri: String, mimeType: String, sha256: Data) {
            self.uri = uri
            self.mimeType = mimeType
            digestValue = Base64Table.standard.padded(sha256)
        }
    }

    var references: [Reference]
    /// Zero placeholders until computed, so the text reads back as a well-formed signature before signing.
    var signedPropertiesDigest = Data(count: 32) {
        didSet { signedPropertiesDigestValue = Base64Table.standard.padded(signedPropertiesDigest) }
    }
    /// Its `DigestValue` text, encoded once for both forms of SignedInfo.
    private var signedPropertiesDigestValue = XAdESDocument.zeroDigestValue
    /// The `DigestValue` of the 32 zero bytes `signedPropertiesDigest` starts as.
    private static let zeroDigestValue = Base64Table.standard.padded(Data(count: 32))
    var signatureValue = Data(count: 1)
    var signingTime: String
    /// The signer's certificates, issuer and serial number and the markup around the values, prepared.
    let signer: XAdESSignerParts

    init(references: [Reference], signingTime: String, signer: XAdESSignerParts) {
        self.references = references
        self.signingTime = signingTime
        self.signer = signer
    }

    /// The UTF-8 text of `signatures.xml`.
    func text() -> [UInt8] {
        textWithChecksum().text
    }

    /// The text and its CRC-32 for the package's ZIP entry: the signer's part (`keyInfo`, most of the text)
    /// is not read again for it, its checksum is appended from `XAdESSignerParts`.
    func textWithChecksum() -> (text: [UInt8], crc32: UInt32) {
        // The certificates are most of the text; room for the rest is reserved too, so it grows once.
        var xml = XMLWriter(capacity: signer.keyInfo.count + 2048 + 512 * references.count)
        xml.markup(signer.documentOpening)
        writeSignedInfo(to: &xml)
        xml.markup(XAdESSignerParts.signatureValueOpening)
        xml.wrappedBase64(signatureValue)
        var checksum = ZIPChecksum()
        checksum.update(xml.bytes)
        checksum.append(signer.keyInfoChecksum)
        xml.markup(signer.keyInfo)
        let rest = xml.bytes.count
        writeSignedProperties(to: &xml)
        xml.markup(XAdESSignerParts.documentClosing)
        checksum.update(xml.bytes[rest...])
        return (xml.bytes, checksum.value)
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
        let parts = signer.parts(xml.form)
        xml.markup(parts.signedInfoOpening)
        for (index, reference) in references.enumerated() {
            xml.markup(XAdESSignerParts.referenceOpening)
            xml.markup(XAdESProfile.referenceId(index))
            xml.markup(XAdESSignerParts.referenceURI)
            xml.attributeValue(reference.uri)
            xml.markup(parts.referenceDigestOpening)
            xml.markup(reference.digestValue)
            xml.markup(XAdESSignerParts.referenceClosing)
        }
        xml.markup(parts.signedPropertiesReferenceOpening)
        xml.markup(signedPropertiesDigestValue)
        xml.markup(XAdESSignerParts.signedInfoClosing)
    }

    /// `SignedProperties`; in canonical form it declares the two namespaces it inherits in the document.
    private func writeSignedProperties(to xml: inout XMLWriter) {
        let parts = signer.parts(xml.form)
        xml.markup(parts.signedPropertiesOpening)
        xml.text(signingTime)
        xml.markup(parts.signingCertificate)
        for index in references.indices {
            xml.markup(XAdESSignerParts.dataObjectFormatOpening)
            xml.markup(XAdESProfile.referenceId(index))
            xml.markup(XAdESSignerParts.mimeTypeOpening)
            xml.text(references[index].mimeType)
            xml.markup(XAdESSignerParts.dataObjectFormatClosing)
        }
        xml.markup(XAdESSignerParts.signedPropertiesClosing)
    }
}

/// The parts of `signatures.xml` that are the same in every signature one signer makes — its certificates
/// (`KeyInfo`), the issuer, serial number and digest of its certificate, and the fixed markup between a
/// letter's values — written once, in both forms, when the signer is made. A mass mailing signs millions
/// of letters with one signer; writing this markup again for each cost about a tenth of a letter's own
/// instructions (callgrind).
struct XAdESSignerParts: Sendable {
    /// The markup of one form (document or canonical) that precedes a letter's values.
    struct Parts: Sendable {
        /// `<SignedInfo>` (canonical: with the namespace it inherits) with its two algorithm elements.
        let signedInfoOpening: [UInt8]
        /// After a reference's URI: the end of the start tag, `DigestMethod` and `<DigestValue>`.
        let referenceDigestOpening: [UInt8]
        /// The reference to SignedProperties up to its `<DigestValue>`.
        let signedPropertiesReferenceOpening: [UInt8]
        /// `<SignedProperties …>` up to `<SigningTime>`.
        let signedPropertiesOpening: [UInt8]
        /// From `</SigningTime>` to `<SignedDataObjectProperties>`: the signer's certificate digest, issuer
        /// and serial number.
        let signingCertificate: [UInt8]
    }

    let document: Parts
    let canonical: Parts
    /// The XML declaration and the start tags of `XAdESSignatures` and `Signature`.
    let documentOpening: [UInt8]
    /// From `</SignatureValue>` through the `X509Certificate` elements to `<QualifyingProperties …>`.
    let keyInfo: [UInt8]
    /// The CRC-32 of `keyInfo`, for the ZIP entry of each signature (`XAdESDocument.textWithChecksum`).
    let keyInfoChecksum: ZIPChecksumPart

    /// The parts of signatures by the certificate whose DER is `certificates[0]`, followed by its chain
    /// (`KeyInfo`); `certificateDigest` is base64 of that certificate's SHA-1, `issuerName` its issuer in
    /// Java's form and `serialNumber` its serial number in decimal.
    init(certificates: [Data], certificateDigest: String, issuerName: String, serialNumber: String) {
        let signingCertificate = SigningCertificate(digest: certificateDigest, issuerName: issuerName,
                                                    serialNumber: serialNumber)
        document = Parts(.document, signingCertificate)
        canonical = Parts(.canonical, signingCertificate)
        var opening = XMLWriter(capacity: 256)
        opening.markup(#"<?xml version="1.0" encoding="UTF-8" standalone="no"?><XAdESSignatures xmlns=""#)
        opening.markup(XAdESProfile.asicNamespace)
        opening.markup(#""><Signature xmlns=""#)
        opening.markup(XAdESProfile.dsigNamespace)
        opening.markup(#"" Id=""#)
        opening.markup(XAdESProfile.signatureId)
        opening.markup(#"">"#)
        documentOpening = opening.bytes
        var keyInfo = XMLWriter(capacity: certificates.reduce(512) { $0 + $1.count * 2 })
        keyInfo.markup("</SignatureValue><KeyInfo><X509Data>")
        for certificate in certificates {
            keyInfo.markup("<X509Certificate>")
            keyInfo.wrappedBase64(certificate)
            keyInfo.markup("</X509Certificate>")
        }
        keyInfo.markup("</X509Data></KeyInfo><Object>")
        keyInfo.markup(#"<QualifyingProperties xmlns=""#)
        keyInfo.markup(XAdESProfile.xadesNamespace)
        keyInfo.markup(#"" xmlns:ns2=""#)
        keyInfo.markup(XAdESProfile.dsigNamespace)
        keyInfo.markup(##"" Target="#"##)
        keyInfo.markup(XAdESProfile.signatureId)
        keyInfo.markup(#"">"#)
        self.keyInfo = keyInfo.bytes
        keyInfoChecksum = ZIPChecksumPart(keyInfo.bytes)
    }

    func parts(_ form: XMLForm) -> Parts {
        form == .document ? document : canonical
    }

    static let signatureValueOpening = Array("<SignatureValue>".utf8)
    static let documentClosing = Array("</QualifyingProperties></Object></Signature></XAdESSignatures>".utf8)
    static let referenceOpening = Array(#"<Reference Id=""#.utf8)
    static let referenceURI = Array(#"" URI=""#.utf8)
    static let referenceClosing = Array("</DigestValue></Reference>".utf8)
    static let signedInfoClosing = Array("</DigestValue></Reference></SignedInfo>".utf8)
    static let dataObjectFormatOpening = Array(##"<DataObjectFormat ObjectReference="#"##.utf8)
    static let mimeTypeOpening = Array(#""><MimeType>"#.utf8)
    static let dataObjectFormatClosing = Array("</MimeType></DataObjectFormat>".utf8)
    static let signedPropertiesClosing = Array("</SignedDataObjectProperties></SignedProperties>".utf8)

    fileprivate struct SigningCertificate {
        let digest: String
        let issuerName: String
        let serialNumber: String
    }
}

extension XAdESSignerParts.Parts {
    fileprivate init(_ form: XMLForm, _ certificate: XAdESSignerParts.SigningCertificate) {
        let c14n = CanonicalizationMethod.c14n10.rawValue
        var xml = XMLWriter(form, capacity: 512)
        if form == .document {
            xml.markup("<SignedInfo>")
        } else {
            xml.markup(#"<SignedInfo xmlns=""#)
            xml.markup(XAdESProfile.dsigNamespace)
            xml.markup(#"">"#)
        }
        xml.empty("CanonicalizationMethod", algorithm: c14n)
        xml.empty("SignatureMethod", algorithm: XAdESProfile.signatureMethod)
        signedInfoOpening = xml.take()

        xml.markup(#"">"#)
        xml.empty("DigestMethod", algorithm: XAdESProfile.sha256)
        xml.markup("<DigestValue>")
        referenceDigestOpening = xml.take()

        xml.markup(#"<Reference Type=""#)
        xml.markup(XAdESProfile.signedPropertiesType)
        xml.markup(##"" URI="#"##)
        xml.markup(XAdESProfile.signedPropertiesId)
        xml.markup(#""><Transforms>"#)
        xml.empty("Transform", algorithm: c14n)
        xml.markup("</Transforms>")
        xml.empty("DigestMethod", algorithm: XAdESProfile.sha256)
        xml.markup("<DigestValue>")
        signedPropertiesReferenceOpening = xml.take()

        if form == .document {
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
        signedPropertiesOpening = xml.take()

        xml.markup("</SigningTime><SigningCertificate><Cert><CertDigest>")
        xml.empty("ns2:DigestMethod", algorithm: XAdESProfile.sha1)
        xml.markup("<ns2:DigestValue>")
        xml.markup(certificate.digest)
        xml.markup("</ns2:DigestValue></CertDigest><IssuerSerial><ns2:X509IssuerName>")
        xml.text(certificate.issuerName)
        xml.markup("</ns2:X509IssuerName><ns2:X509SerialNumber>")
        xml.markup(certificate.serialNumber)
        xml.markup("</ns2:X509SerialNumber></IssuerSerial></Cert></SigningCertificate></SignedSignatureProperties>")
        xml.markup("<SignedDataObjectProperties>")
        signingCertificate = xml.take()
    }
}
