import Foundation
import Testing
import PKI
import TestSupport

@Suite("Certificates")
struct CertificateTests {
    @Test("Organisation numbers of the test PKI's enterprise certificates",
          arguments: [("sender", "991825827"), ("digipost", "984661185"), ("eboks", "922020175"),
                      ("print", "974761076"), ("untrusted-sender", "991825827"), ("expired-sender", "991825827")])
    func organisationNumbers(name: String, number: String) throws {
        #expect(try Certificate(pem: TestPKI.data("\(name).cert.pem")).organisationNumber == number)
    }

    @Test("Organisation number from organizationIdentifier only (SEID 2), serialNumber only (SEID 1), or neither",
          arguments: [("/C=NO/O=Ny Etat/organizationIdentifier=NTRNO-810969342/CN=Ny Etat", "810969342"),
                      ("/C=NO/O=Gammel Etat/serialNumber=910076787/CN=Gammel Etat", "910076787"),
                      ("/C=NO/O=Foreign/organizationIdentifier=VATSE-556677889901/CN=Foreign", nil),
                      ("/C=NO/O=Person/serialNumber=UN:NO-9578-4050-127091783/CN=Person", nil),
                      ("/C=NO/O=Short/serialNumber=12345678/CN=Short", nil),
                      ("/C=NO/O=Both/organizationIdentifier=NTRNO-974761076/serialNumber=991825827/CN=Both",
                       "974761076")])
    func organisationNumberForms(subject: String, number: String?) throws {
        try TemporaryDirectory.with { folder in
            let pem = try ChildProcess.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                                               folder.appendingPathComponent("key.pem").path, "-subj", subject,
                                               "-days", "1").stdout
            #expect(try Certificate(pem: pem).organisationNumber == number)
        }
    }

    @Test("The documentation's example certificate has no organisation number, and its known serial")
    func exampleCertificate() throws {
        let certificate = try Certificate(pem: Repository.example("eksempel.pem"))
        #expect(certificate.organisationNumber == nil)
        #expect(certificate.serialNumber == "1446654470")
        #expect(certificate.serialNumberBytes.hex == "563a3206")
        #expect(certificate.subject == "CN=Unknown,OU=Unknown,O=Unknown,L=Unknown,ST=Unknown,C=Unknown")
        #expect(certificate.issuer == certificate.subject)
    }

    @Test("Subject, issuer, serial, DER and fingerprint agree with openssl x509")
    func fieldsAgreeWithOpenSSL() throws {
        let file = try TestPKI.file("sender.cert.pem").path
        let certificate = try Certificate(pem: TestPKI.data("sender.cert.pem"))
        func x509(_ options: String...) throws -> String {
            let arguments = ["x509", "-in", file, "-noout", "-nameopt", "RFC2253"] + options
            let result = try ChildProcess.run("openssl", arguments)
            try #require(result.status == 0, "\(result.stderr)")
            return result.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try x509("-subject") == "subject=" + certificate.subject)
        #expect(try x509("-issuer") == "issuer=" + certificate.issuer)
        #expect(try x509("-serial") == "serial=" + certificate.serialNumberBytes.hex.uppercased())
        let fingerprint = certificate.sha256Fingerprint.map { String(format: "%02X", $0) }.joined(separator: ":")
        #expect(try x509("-fingerprint", "-sha256") == "sha256 Fingerprint=" + fingerprint)
        let der = try ChildProcess.openssl("x509", "-in", file, "-outform", "DER").stdout
        #expect(certificate.der == der)
        #expect(try Certificate(der: der).subject == certificate.subject)
        #expect(certificate.subject.hasPrefix("CN=Test Agency test sender,serialNumber=991825827,"))
    }

    @Test("Validity dates are read exactly (the expired certificate: 2020-01-01 to 2021-01-01 UTC)")
    func validityDates() throws {
        let expired = try Certificate(pem: TestPKI.data("expired-sender.cert.pem"))
        #expect(expired.notBefore == Date(timeIntervalSince1970: 1_577_836_800))
        #expect(expired.notAfter == Date(timeIntervalSince1970: 1_609_459_200))
        let sender = try Certificate(pem: TestPKI.data("sender.cert.pem"))
        #expect(sender.notBefore < Date() && Date() < sender.notAfter)
    }

    @Test("Non-ASCII names come out as UTF-8, not escaped")
    func utf8Names() throws {
        try TemporaryDirectory.with { folder in
            let pem = try ChildProcess.openssl("req", "-x509", "-utf8", "-newkey", "rsa:2048", "-nodes", "-keyout",
                                               folder.appendingPathComponent("key.pem").path, "-days", "1",
                                               "-subj", "/C=NO/O=Tøyen Ærfugl Å/CN=Bjørn").stdout
            let certificate = try Certificate(pem: pem)
            #expect(certificate.subject == "CN=Bjørn,O=Tøyen Ærfugl Å,C=NO")
        }
    }

    @Test("PEM bundles: chain files, key+certificate files, empty input")
    func bundles() throws {
        let both = try TestPKI.data("chain.pem") + TestPKI.data("root-ca.pem")
        let certificates = try Certificate.bundle(pem: both)
        #expect(certificates.map(\.subject) == ["CN=dpi-batch test intermediate CA,O=dpi-batch test,C=NO",
                                                "CN=dpi-batch test root CA,O=dpi-batch test,C=NO"])
        #expect(try Certificate.bundle(pem: Repository.example("eksempel.pem")).count == 1)
        #expect(try Certificate.bundle(pem: Data()).isEmpty)
        #expect(try Certificate.bundle(pem: Data("no pem here".utf8)).isEmpty)
        #expect(try Certificate.bundle(contentsOf: TestPKI.file("trust-anchors.pem")).count == 1)
    }

    @Test("Damaged certificates give malformedCertificate; missing files give fileNotReadable")
    func damagedCertificates() throws {
        let pem = try TestPKI.data("sender.cert.pem")
        var text = String(decoding: pem, as: UTF8.self)
        text = text.replacingOccurrences(of: "MII", with: "QQQ")
        expectError(.malformedCertificate) { try Certificate(pem: Data(text.utf8)) }
        let bundle = try TestPKI.data("root-ca.pem") + Data(text.utf8)
        expectError(.malformedCertificate) { try Certificate.bundle(pem: bundle) }
        expectError(.malformedCertificate) { try Certificate(pem: Data("garbage".utf8)) }
        expectError(.malformedCertificate) { try Certificate(pem: Data()) }
        expectError(.malformedCertificate) { try Certificate(der: Data([0x30, 0x82, 0x01])) }
        expectError(.malformedCertificate) { try Certificate(der: Data()) }
        let der = try Certificate(pem: pem).der
        expectError(.malformedCertificate) { try Certificate(der: der.prefix(der.count - 10)) }
        expectError(.fileNotReadable) { try Certificate.bundle(contentsOf: URL(fileURLWithPath: "/nonexistent.pem")) }
    }
}
