import Foundation
import Testing
import TestSupport
import DPI

/// `manifest.xml` byte for byte as in the official examples, valid against `sdp-manifest.xsd`, and refused
/// with the field at fault when a value breaks the schema.
@Suite struct SDPManifestTests {
    private static let digdir = SDPManifest.Sender(organisation: "0192:991825827")
    private static let testTxt = SDPManifest.Document(.init(href: "Test.txt", mimeType: "text/plain"),
                                                      title: .init("Test.txt", language: "no"))

    /// The values of each official example's manifest, by scenario.
    static let examples: [(String, SDPManifest)] = [
        ("digital", SDPManifest(mailboxAddress: "0000487204", sender: digdir, mainDocument: testTxt)),
        ("digital-avsenderidentifikator", SDPManifest(
            mailboxAddress: "0000487204",
            sender: .init(organisation: "0192:991825827", senderIdentifier: "991825827:avsenderid"),
            mainDocument: testTxt)),
        ("digital-pa-vegne-av", SDPManifest(mailboxAddress: "test.testesen#8HC7",
                                            sender: .init(organisation: "0192:910076787"), mainDocument: testTxt)),
        ("utskrift", SDPManifest(mailboxAddress: nil, sender: digdir, mainDocument: .init(
            .init(href: "my.pdf", mimeType: "application/pdf"), title: .init("My PDF", language: "NO")))),
    ]

    @Test(arguments: examples)
    func reproducesTheOfficialManifestByteForByte(_ scenario: String, _ manifest: SDPManifest) throws {
        let package = try #require(OfficialPackage.all.first { $0.scenario == scenario })
        #expect(try manifest.xml() == (try package.entry("manifest.xml")))
    }

    @Test(arguments: examples)
    func readsTheOfficialManifestBackToItsValues(_ scenario: String, _ manifest: SDPManifest) throws {
        let package = try #require(OfficialPackage.all.first { $0.scenario == scenario })
        #expect(try SDPManifest(xml: try package.entry("manifest.xml")) == manifest)
    }

    @Test(arguments: [
        "not xml", "<manifest/>", #"<manifest xmlns="http://begrep.difi.no/sdp/schema_v10"/>"#,
        #"<manifest xmlns="http://begrep.difi.no/sdp/schema_v10"><avsender><organisasjon>0192:1</organisasjon>"#
            + #"</avsender><hoveddokument href="Test.txt" mime="text/plain"/></manifest>"#,
    ])
    func readingRefusesForeignIncompleteOrInvalidManifests(_ text: String) throws {
        let error = try #require(throws: DPIError.self) { try SDPManifest(xml: Data(text.utf8)) }
        #expect(error.code == .invalidManifest)
    }

    @Test func aFullManifestWithEscapingIsValidAgainstTheSchema() throws {
        let manifest = SDPManifest(
            mailboxAddress: "ola.nordmann#1234",
            sender: .init(organisation: "0192:991825827", senderIdentifier: "avd <økonomi>",
                          invoiceReference: "F&R \"2024\""),
            mainDocument: .init(.init(href: "brev.pdf", mimeType: "application/pdf"),
                                title: .init(#"Vedtak <§ 3> & "svar" 'ja'"#, language: "no"),
                                data: .init(href: "lenke.xml", mimeType: "application/vnd.difi.dpi.lenke+xml")),
            attachments: [.init(.init(href: "a&b.txt", mimeType: "text/plain")),
                          .init(.init(href: "vedlegg2.pdf", mimeType: "application/pdf"),
                                title: .init("To", language: "en"))])
        let xml = try manifest.xml()
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains(#"<tittel lang="no">Vedtak &lt;§ 3&gt; &amp; "svar" 'ja'</tittel>"#))
        #expect(text.contains(#"<vedlegg href="a&amp;b.txt" mime="text/plain"/>"#))
        #expect(text.contains(#"<data href="lenke.xml" mime="application/vnd.difi.dpi.lenke+xml"/></hoveddokument>"#))
        #expect(text.contains("<fakturaReferanse>F&amp;R \"2024\"</fakturaReferanse>"))
        #expect(manifest.files.map(\.href) == ["brev.pdf", "lenke.xml", "a&b.txt", "vedlegg2.pdf"])
        #expect(try SDPManifest(xml: xml) == manifest)
        try expectSchemaValid(xml)
    }

    @Test(arguments: examples)
    func theExampleManifestsAreSchemaValid(_ scenario: String, _ manifest: SDPManifest) throws {
        try expectSchemaValid(try manifest.xml())
    }

    @Test func schemaCheckCanFail() throws {
        let result = try xmllint(Data(#"<manifest xmlns="http://begrep.difi.no/sdp/schema_v10"/>"#.utf8))
        #expect(result.status != 0)
    }

    /// Changes to the `digital` example's values that each break one rule, with the field the error must name.
    static let invalidChanges: [(String, @Sendable (inout SDPManifest) -> Void)] = [
        ("manifest.avsender.organisasjon", { $0.sender.organisation = "9908:991825827" }),
        ("manifest.avsender.organisasjon", { $0.sender.organisation = "0192:99182582" }),
        ("manifest.avsender.fakturaReferanse", {
            $0.sender.invoiceReference = String(repeating: "x", count: 41) }),
        ("manifest.avsender.avsenderidentifikator", {
            $0.sender.senderIdentifier = String(repeating: "x", count: 101) }),
        ("manifest.mottaker.person.postkasseadresse", { $0.mailboxAddress = "" }),
        ("manifest.hoveddokument.href", { $0.mainDocument.file.href = "a.b" }),
        ("manifest.hoveddokument.mime", { $0.mainDocument.file.mimeType = "" }),
        ("manifest.hoveddokument.tittel", { $0.mainDocument.title?.text = "" }),
        ("manifest.hoveddokument.tittel", { $0.mainDocument.title?.text = "tab\u{1}" }),
        ("manifest.hoveddokument.tittel.lang", { $0.mainDocument.title?.language = "nob" }),
        ("manifest.vedlegg[1].data.href", {
            $0.attachments = [testTxtAttachment("v1.txt"), .init(.init(href: "v2.txt", mimeType: "text/plain"),
                                                                data: .init(href: "", mimeType: "x"))] }),
        ("manifest.href", { $0.attachments = [testTxtAttachment("Test.txt")] }),
        ("manifest.href", { $0.attachments = [testTxtAttachment("META-INF/x.txt")] }),
        ("manifest.vedlegg", {
            $0.attachments = (0...200).map { testTxtAttachment("v\($0).txt") } }),
        ]

    @Test(arguments: invalidChanges)
    func valuesBreakingTheSchemaAreRefusedNamingTheField(_ field: String,
                                                         _ change: @Sendable (inout SDPManifest) -> Void) throws {
        var manifest = Self.examples[0].1
        change(&manifest)
        let error = try #require(throws: DPIError.self) { try manifest.xml() }
        #expect(error.code == .invalidManifest)
        #expect(error.field == field)
    }

    @Test func twoHundredAttachmentsAreAllowed() throws {
        var manifest = Self.examples[0].1
        manifest.attachments = (0..<200).map { Self.testTxtAttachment("v\($0).txt") }
        try expectSchemaValid(try manifest.xml())
    }

    private static func testTxtAttachment(_ href: String) -> SDPManifest.Document {
        .init(.init(href: href, mimeType: "text/plain"))
    }

    private func expectSchemaValid(_ xml: Data) throws {
        let result = try xmllint(xml)
        #expect(result.status == 0, "xmllint: \(result.stderr)")
    }

    private func xmllint(_ xml: Data) throws -> ChildProcess.Result {
        try ChildProcess.run("xmllint", ["--noout", "--nonet", "--schema", Reference.manifestSchema.path, "-"],
                             input: xml)
    }
}
