/// The namespaces, algorithm URIs and fixed identifiers of the DPI XAdES profile (spec 7.4, Appendix B).
enum XAdESProfile {
    /// ASiC: the root element `XAdESSignatures`.
    static let asicNamespace = "http://uri.etsi.org/02918/v1.2.1#"
    /// XML-DSig: `Signature` and everything in it but the qualifying properties.
    static let dsigNamespace = "http://www.w3.org/2000/09/xmldsig#"
    /// XAdES 1.3.2: `QualifyingProperties` and below.
    static let xadesNamespace = "http://uri.etsi.org/01903/v1.3.2#"

    static let signatureMethod = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    static let sha256 = "http://www.w3.org/2001/04/xmlenc#sha256"
    static let sha1 = "http://www.w3.org/2000/09/xmldsig#sha1"
    static let signedPropertiesType = "http://uri.etsi.org/01903#SignedProperties"

    /// The `Id`s the reference uses: `Signature`, `SignedProperties`, and `ID_<n>` per file reference.
    static let signatureId = "Signature"
    static let signedPropertiesId = "SignedProperties"

    static func referenceId(_ index: Int) -> String { "ID_\(index)" }
}
