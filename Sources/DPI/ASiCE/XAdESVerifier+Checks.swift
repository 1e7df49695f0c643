import Foundation
import PKI

extension XAdESVerifier {
    /// Every signed package file referenced exactly once, no reference to anything else, every digest equal.
    static func checkReferences(_ references: [SignatureStructure.FileReference], against digests: [String: Data])
        throws {
        let packageFiles = digests.filter { name, _ in
            name != "mimetype" && !name.hasPrefix("META-INF/") && !name.hasSuffix("/")
        }
        var referenced = Set<String>()
        for reference in references {
            guard packageFiles[reference.uri] != nil else {
                throw DPIError(.extraSignatureReference, "the signature references a file the package does not hold",
                               field: reference.uri)
            }
            guard referenced.insert(reference.uri).inserted else {
                throw DPIError(.extraSignatureReference, "the signature references a file twice", field: reference.uri)
            }
        }
        if let unsigned = packageFiles.keys.sorted().first(where: { !referenced.contains($0) }) {
            throw DPIError(.missingSignatureReference, "a package file is not covered by the signature",
                           field: unsigned)
        }
        for reference in references where packageFiles[reference.uri] != reference.sha256 {
            throw DPIError(.signatureDigestMismatch, "a package file does not match its signed digest (altered)",
                           field: reference.uri)
        }
    }

    /// `SigningCertificate` must name the signer: a `Cert` with its digest and serial number.
    static func checkSigningCertificate(_ digests: [SignatureStructure.CertificateDigest], describe signer: Certificate)
        throws {
        let sha1 = Digest.sha1(signer.der), sha256 = Digest.sha256(signer.der)
        guard let cert = digests.first(where: { $0.value == ($0.sha1 ? sha1 : sha256) }) else {
            throw DPIError(.certificateDigestMismatch, "SigningCertificate does not hold the digest of the KeyInfo "
                           + "certificate", details: "signer \(signer.subject)")
        }
        guard cert.serialNumber == signer.serialNumber else {
            throw DPIError(.certificateDigestMismatch, "SigningCertificate's serial number is not the signer's",
                           details: "signed \(cert.serialNumber), certificate \(signer.serialNumber)")
        }
    }
}
