import DPI
import Foundation
import PKI
import Testing
import TestSupport

/// The ASiC-E packages we build (spec 7.1): the reference's entry order and form, read back by our
/// verifier; a file streamed from disk, or a document prepared once for many letters, gives the same
/// package as the same bytes in memory.
@Suite("Package: building an ASiC-E")
struct ASiCEContainerTests {
    static let signingTime = Date(timeIntervalSince1970: 1_795_000_000.5)

    static var manifest: SDPManifest {
        SDPManifest(mailboxAddress: "ola.nordmann#8HC7",
                    sender: .init(organisation: "0192:991825827", senderIdentifier: "991825827:skatt"),
                    mainDocument: .init(.init(href: "brev.pdf", mimeType: "application/pdf"),
                                        title: .init("Vedtak", language: "no")),
                    attachments: [.init(.init(href: "vedlegg-1.txt", mimeType: "text/plain")),
                                  .init(.init(href: "vedlegg-2.html", mimeType: "text/html"))])
    }

    static func package(_ contents: [DocumentContents] = PackageFixtures.contents) throws -> Data {
        try ASiCEContainer(manifest: manifest, contents: contents)
            .data(signer: XAdESSigner(identity: PackageFixtures.identity("sender")), signingTime: signingTime)
    }

    @Test("documents compressed already (PDF) and the package's own XML are deflated at level 0; text is compressed")
    func compressedFormatsAreNotCompressedAgain() throws {
        let text = Data(String(repeating: "Vedlegg én: tekst som pakkes godt. ", count: 300).utf8)
        let zip = try ASiCEContainer(manifest: Self.manifest, contents: [.data(PackageFixtures.mainDocument),
                                                                         .data(text), .data(text)])
            .data(signer: XAdESSigner(identity: PackageFixtures.identity("sender")), signingTime: Self.signingTime)
        let reader = try ZIPReader(data: zip)
        let pdf = try #require(reader.entry(named: "brev.pdf"))
        let attachment = try #require(reader.entry(named: "vedlegg-1.txt"))
        #expect(pdf.method == .deflated && attachment.method == .deflated)
        #expect(pdf.compressedSize > pdf.uncompressedSize, "level 0 stores the bytes inside deflate blocks")
        #expect(attachment.compressedSize * 10 < attachment.uncompressedSize)
        for name in ["manifest.xml", "META-INF/signatures.xml", "META-INF/manifest.xml"] {
            let entry = try #require(reader.entry(named: name))
            #expect(entry.method == .deflated && entry.compressedSize > entry.uncompressedSize,
                    "\(name) is stored inside deflate blocks")
        }
        #expect(try reader.contents(named: "brev.pdf") == PackageFixtures.mainDocument)
        try TemporaryDirectory.with { folder in
            let file = folder.appendingPathComponent("package.zip")
            try zip.write(to: file)
            #expect(try ChildProcess.run("unzip", ["-tq", file.path]).status == 0)
        }
    }

    @Test("entries come in the reference order: mimetype stored at byte 30, manifest, documents, signature, container manifest")
    func referenceLayout() throws {
        let zip = try Self.package()
        let reader = try ZIPReader(data: zip)
        #expect(reader.entries.map(\.name) == ["mimetype", "manifest.xml", "brev.pdf", "vedlegg-1.txt",
                                               "vedlegg-2.html", "META-INF/signatures.xml", "META-INF/manifest.xml"])
        #expect(reader.entries.map(\.method) == [.stored] + Array(repeating: .deflated, count: 6))
        #expect(zip[30..<38] == Data("mimetype".utf8))
        #expect(zip[38..<69] == Data("application/vnd.etsi.asic-e+zip".utf8))
        #expect(reader.comment == "mimetype=application/vnd.etsi.asic-e+zip")
        #expect(try reader.contents(named: "manifest.xml") == Self.manifest.xml())
        #expect(try reader.contents(named: "META-INF/manifest.xml") == ContainerManifest(for: Self.manifest).xml())
        #expect(try reader.contents(named: "vedlegg-1.txt") == PackageFixtures.attachments[0])
        // The real unzip agrees the archive is sound.
        try TemporaryDirectory.with(prefix: "asice") { folder in
            let file = folder.appendingPathComponent("package.asice")
            try zip.write(to: file)
            let tested = try ChildProcess.run("unzip", ["-t", file.path])
            #expect(tested.status == 0, "unzip: \(tested.text)")
        }
    }

    @Test("the verifier reads back manifest, signer, signing time and documents, and hands out their contents")
    func verifiesOurPackage() throws {
        let verified = try ASiCEVerifier(trustStore: PackageFixtures.trustStore()).verify(Self.package())
        #expect(verified.manifest == Self.manifest)
        #expect(verified.signer.der == (try PackageFixtures.identity("sender").certificate.der))
        #expect(verified.signature.signingTime == Self.signingTime)
        #expect(verified.documents.map(\.href) == ["brev.pdf", "vedlegg-1.txt", "vedlegg-2.html"])
        #expect(verified.signature.files.map(\.name) == ["manifest.xml"] + verified.documents.map(\.href))
        #expect(try verified.contents(of: "brev.pdf") == PackageFixtures.mainDocument)
        var streamed = Data()
        try verified.extract("vedlegg-2.html") { streamed.append($0) }
        #expect(streamed == PackageFixtures.attachments[1])
        let missing = #expect(throws: DPIError.self) { try verified.contents(of: "absent.pdf") }
        #expect(missing?.code == .zipMissingEntry)
    }

    @Test("a document streamed from a file gives the very same package as its bytes in memory")
    func fileContentsEqualDataContents() throws {
        try TemporaryDirectory.with(prefix: "asice") { folder in
            let file = folder.appendingPathComponent("brev.pdf")
            try PackageFixtures.mainDocument.write(to: file)
            let fromFile = try Self.package([.file(file)] + PackageFixtures.contents.dropFirst())
            #expect(fromFile == (try Self.package()))
        }
    }

    @Test("prepared documents (digests computed once for many letters) give the very same package as bytes in memory")
    func preparedContentsEqualDataContents() throws {
        let prepared = ([PackageFixtures.mainDocument] + PackageFixtures.attachments).map(PreparedDocument.init)
        #expect(try Self.package(prepared.map { .prepared($0) }) == (try Self.package()))
        #expect(prepared[0].sha256 == Digest.sha256(PackageFixtures.mainDocument))
        // One prepared document in two packages: the shared bytes go into both intact.
        let twice = try (0..<2).map { _ in try Self.package(prepared.map { .prepared($0) }) }
        #expect(twice[0] == twice[1])
        #expect(try ZIPReader(data: twice[1]).contents(named: "brev.pdf") == PackageFixtures.mainDocument)
    }

    @Test("a missing document file is a clear error, not a crash")
    func missingFileThrows() throws {
        let absent = URL(fileURLWithPath: "/nonexistent/brev.pdf")
        let error = #expect(throws: DPIError.self) {
            try Self.package([.file(absent)] + PackageFixtures.contents.dropFirst())
        }
        #expect(error?.code == .zipIOFailure)
    }

    @Test("contents must match the manifest's files one to one")
    func contentCountMustMatch() {
        let error = #expect(throws: DPIError.self) { try Self.package(Array(PackageFixtures.contents.prefix(2))) }
        #expect(error?.code == .invalidManifest)
    }
}
