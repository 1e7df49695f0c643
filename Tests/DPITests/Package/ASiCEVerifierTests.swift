import DPI
import Foundation
import PKI
import Testing

/// Each structural fault of a received package (spec 7.1, 15 items 8 and 10) is rejected with its own code.
@Suite("Package: verifying a received ASiC-E")
struct ASiCEVerifierTests {
    enum Fault: String, CaseIterable, CustomTestStringConvertible {
        case mimetypeNotFirst, mimetypeCompressed, mimetypeWrongContent, signatureMissing, secondSignatureFile
        case unsignedExtraFile, tamperedDocument, manifestMissing, manifestNamesAbsentFile, fileNotInManifest
        case signedTypeDiffersFromManifest

        var testDescription: String { rawValue }

        var expected: DPIError.Code {
            switch self {
            case .mimetypeNotFirst, .mimetypeCompressed, .mimetypeWrongContent: .invalidMimetypeEntry
            case .signatureMissing: .missingPackageSignature
            case .secondSignatureFile: .unexpectedSignatureFile
            case .unsignedExtraFile: .missingSignatureReference
            case .tamperedDocument: .signatureDigestMismatch
            case .manifestMissing: .missingPackageManifest
            case .manifestNamesAbsentFile: .manifestFileMissing
            case .fileNotInManifest: .unlistedPackageFile
            case .signedTypeDiffersFromManifest: .manifestMimeMismatch
            }
        }

        func apply(to package: inout PackageEntries) throws {
            var types = ["manifest.xml": "application/xml"]
            for file in ASiCEContainerTests.manifest.files { types[file.href] = file.mimeType }
            let signer = try PackageFixtures.identity("sender")
            switch self {
            case .mimetypeNotFirst:
                package.entries.swapAt(0, 1)
            case .mimetypeCompressed:
                package.entries[0].stored = false
            case .mimetypeWrongContent:
                package["mimetype"] = Data("application/zip".utf8)
            case .signatureMissing:
                package["META-INF/signatures.xml"] = nil
            case .secondSignatureFile:
                package["META-INF/signatures2.xml"] = package["META-INF/signatures.xml"]
            case .unsignedExtraFile:
                package["extra.txt"] = Data("not signed".utf8)
            case .tamperedDocument:
                package["vedlegg-1.txt"] = Data("Vedlegg én: endret\n".utf8)
            case .manifestMissing:
                package["manifest.xml"] = nil
                try package.resign(by: signer, mimeTypes: types)
            case .manifestNamesAbsentFile:
                package["vedlegg-2.html"] = nil
                try package.resign(by: signer, mimeTypes: types)
            case .fileNotInManifest:
                package["extra.txt"] = Data("signed but not listed".utf8)
                try package.resign(by: signer, mimeTypes: types)
            case .signedTypeDiffersFromManifest:
                types["brev.pdf"] = "text/plain"
                try package.resign(by: signer, mimeTypes: types)
            }
        }
    }

    @Test("a rebuilt package without faults still verifies (the faults below are what fails)")
    func rebuiltPackageVerifies() throws {
        let zip = try PackageEntries(zip: ASiCEContainerTests.package()).zip()
        #expect(try ASiCEVerifier().verify(zip).documents.count == 3)
    }

    @Test("each structural fault has its own error code", arguments: Fault.allCases)
    func faultIsRejected(fault: Fault) throws {
        var package = try PackageEntries(zip: ASiCEContainerTests.package())
        try fault.apply(to: &package)
        let error = #expect(throws: DPIError.self) { try ASiCEVerifier().verify(package.zip()) }
        #expect(error?.code == fault.expected, "\(String(describing: error))")
        if fault == .tamperedDocument {
            #expect(error?.field == "vedlegg-1.txt")
        }
    }

    @Test("a signer outside the trust store fails the chain check when one is given")
    func untrustedSignerWithTrustStore() throws {
        let zip = try ASiCEContainer(manifest: ASiCEContainerTests.manifest, contents: PackageFixtures.contents)
            .data(signer: XAdESSigner(identity: PackageFixtures.identity("untrusted-sender")), signingTime: Date())
        #expect(throws: Never.self) { try ASiCEVerifier().verify(zip) }
        let error = #expect(throws: PKIError.self) { try ASiCEVerifier(trustStore: PackageFixtures.trustStore()).verify(zip) }
        #expect(error?.code == .untrustedCertificate)
    }
}
