import Foundation
import PKI
import Testing
import TestSupport
@testable import DPI

/// Our writer reproduces the reference sender's `signatures.xml` byte for byte from the same values, so the
/// structure, prefixes, attribute order and whitespace of what we sign are the reference's.
@Suite struct XAdESLayoutTests {
    @Test(arguments: OfficialPackage.all)
    func theWriterReproducesTheOfficialSignatureFromItsValues(_ package: OfficialPackage) throws {
        let original = try package.signatures
        let structure = try SignatureStructure(try XMLTree(parsing: original, invalid: .malformedSignature,
                                                           what: "example"))
        let documentName = package.scenario == "utskrift" ? "my.pdf" : "Test.txt"
        let mimeTypes = ["application/xml", package.scenario == "utskrift" ? "application/pdf" : "text/plain"]
        var document = XAdESDocument(
            references: zip(structure.fileReferences, mimeTypes).map {
                .init(uri: $0.uri, mimeType: $1, sha256: $0.sha256)
            },
            signingTime: structure.signingTime,
            signer: XAdESSignerParts(
                certificates: structure.certificates,
                certificateDigest: Digest.sha1(structure.certificates[0]).base64EncodedString(),
                issuerName: try IssuerName.javaString(ofCertificate: structure.certificates[0]),
                serialNumber: try Certificate(der: structure.certificates[0]).serialNumber))
        document.signedPropertiesDigest = structure.signedPropertiesDigest
        document.signatureValue = structure.signatureValue
        #expect(structure.fileReferences.map(\.uri) == ["manifest.xml", documentName])
        // The 2022 examples (written on Windows) end each base64 line with `&#13;` and a raw CR LF, the 2023
        // print example with `&#13;` and LF, as we do. A raw CR is read as LF by every XML parser and lies
        // outside the signed data, so it is the one difference we allow.
        let normalised = String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "&#13;\r\n", with: "&#13;\n")
        #expect(String(decoding: document.text(), as: UTF8.self) == normalised)
        #expect(package.scenario != "utskrift" || Data(document.text()) == original)
    }

    @Test func issuerNamesAreWrittenInJavaFormWithOIDKeywordsForUnknownTypes() throws {
        let digital = try SignatureStructure(try XMLTree(parsing: try OfficialPackage.digital.signatures,
                                                         invalid: .malformedSignature, what: "example"))
        #expect(try IssuerName.javaString(ofCertificate: digital.certificates[0])
            == "CN=Buypass Class 3 Test4 CA 3, O=Buypass AS-983163327, C=NO")
        let print = try SignatureStructure(try XMLTree(parsing: try OfficialPackage.all[3].signatures,
                                                       invalid: .malformedSignature, what: "example"))
        #expect(try IssuerName.javaString(ofCertificate: print.certificates[0])
            == "CN=Buypass Class 3 Test4 CA G2 ST Business, O=Buypass AS, OID.2.5.4.97=NTRNO-983163327, C=NO")
        // The intermediate's issuer is the G2 root.
        #expect(try IssuerName.javaString(ofCertificate: print.certificates[1])
            == "CN=Buypass Class 3 Test4 Root CA G2 ST, O=Buypass AS, OID.2.5.4.97=NTRNO-983163327, C=NO")
    }

    @Test func issuerNamesQuoteSpecialCharactersAndUseJavaKeywords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("issuer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("key.pem").path, cert = folder.appendingPathComponent("cert.pem")
        try ChildProcess.succeed("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                                             "-out", cert.path, "-days", "1", "-utf8",
                                             "-subj", "/C=NO/ST=Oslo/O=Ja, nei/serialNumber=123/OU=a  b/CN=Æ\\\"ø"])
        let certificate = try Certificate(contentsOf: cert)   // self-signed: issuer = subject
        #expect(try IssuerName.javaString(ofCertificate: certificate.der)
            == #"CN="Æ\"ø", OU="a  b", SERIALNUMBER=123, O="Ja, nei", ST=Oslo, C=NO"#)
    }

    @Test func base64IsWrappedAsFoundationsMIMELineOptionsWithTheCRAsACharacterReference() {
        for count in 0...200 {
            let value = Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37) })
            let foundation = value.base64EncodedString(
                options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
                .replacingOccurrences(of: "\r\n", with: "&#13;\n")
            var xml = XMLWriter(capacity: 0)
            xml.wrappedBase64(value)
            #expect(String(decoding: xml.bytes, as: UTF8.self) == foundation, "\(count) bytes")
        }
    }

    @Test("reference URIs are what Foundation's path encoding makes of the name", arguments: [
        "manifest.xml", "Brev_2027-01.pdf", "vedlegg 2.html", "a&b.txt", "æøå.pdf", "x%41.pdf", "a/b.txt", "",
    ])
    func referenceURIsMatchFoundationsEncoding(name: String) {
        #expect(XAdESSignature.uri(for: name)
            == name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name)
    }

    @Test func signingTimeIsWrittenWithMillisecondsAndTheZoneOffset() throws {
        let instant = Date(timeIntervalSince1970: 1_647_436_568.883)   // 2022-03-16T13:16:08.883Z
        let oslo = try #require(TimeZone(identifier: "Europe/Oslo"))
        #expect(SigningTime.format(instant, in: oslo) == "2022-03-16T14:16:08.883+01:00")
        #expect(SigningTime.format(instant, in: TimeZone(secondsFromGMT: 0)!) == "2022-03-16T13:16:08.883Z")
        #expect(SigningTime.format(instant, in: TimeZone(secondsFromGMT: -(3 * 3600 + 1800))!)
            == "2022-03-16T09:46:08.883-03:30")
        #expect(SigningTime.parse("2022-03-16T14:16:08.883+01:00") == instant)
        #expect(SigningTime.parse("2022-03-16T13:16:08Z") == Date(timeIntervalSince1970: 1_647_436_568))
        #expect(SigningTime.parse("2022-03-16 13:16:08") == nil)
    }
}
