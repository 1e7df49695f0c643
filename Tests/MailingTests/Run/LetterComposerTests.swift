import DPI
import Foundation
@testable import Mailing
import PKI
import Testing
import TestSupport

/// Where a letter's documents come from: the pipeline's own read and digested once per run and shared by
/// every letter, a row's own document from its file, each letter's problem named when a file is missing.
@Suite struct LetterComposerTests {
    /// A template with `letter.pdf` and `vedlegg.txt` in `folder`, rows' documents resolved in it too.
    static func composer(in folder: URL, shared: SharedDocuments = SharedDocuments()) throws -> LetterComposer {
        let template = LetterTemplate(
            sender: LetterSender(organisation: try OrganisationNumber("991825827")), nonSensitiveTitle: "Brev",
            title: "Eiendomsskatt", language: "NO", securityLevel: 3,
            document: .init(file: folder.appendingPathComponent("letter.pdf"), mimeType: "application/pdf"),
            attachments: [.init(file: folder.appendingPathComponent("vedlegg.txt"), mimeType: "text/plain",
                                 title: "Vedlegg")],
            print: nil)
        return LetterComposer(template: template, resolve: { folder.appendingPathComponent($0) },
                              mimeType: { $0.hasSuffix(".pdf") ? "application/pdf" : nil }, shared: shared)
    }

    static let letter = Data("%PDF-1.7 felles brev\n".utf8) + Data(repeating: 0x42, count: 3000)
    static let attachment = Data("Vedlegg\n".utf8)

    @Test func thePipelinesDocumentsAreReadOnceAndSharedByEveryLetter() throws {
        try TemporaryDirectory.with { folder in
            try Self.letter.write(to: folder.appendingPathComponent("letter.pdf"))
            try Self.attachment.write(to: folder.appendingPathComponent("vedlegg.txt"))
            let composer = try Self.composer(in: folder)
            let (documents, contents) = try composer.documents(ownDocumentPath: nil)
            #expect(documents.map(\.byteCount) == [Self.letter.count, Self.attachment.count])
            #expect(documents.map(\.title) == ["Eiendomsskatt", "Vedlegg"])
            guard case .prepared(let main) = contents[0], case .prepared(let extra) = contents[1] else {
                Issue.record("the pipeline's documents are not prepared: \(contents)")
                return
            }
            #expect(main.data == Self.letter && main.sha256 == Digest.sha256(Self.letter))
            #expect(extra.data == Self.attachment)
            // A later letter gets the copy read first, even after the file changed on disk.
            try Data("changed".utf8).write(to: folder.appendingPathComponent("letter.pdf"))
            let (_, later) = try composer.documents(ownDocumentPath: nil)
            guard case .prepared(let again) = later[0] else {
                Issue.record("a later letter's document is not the shared one: \(later[0])")
                return
            }
            #expect(again.data == Self.letter)
        }
    }

    @Test func aRowsOwnDocumentIsReadFromItsFileForItsLetterOnly() throws {
        try TemporaryDirectory.with { folder in
            try Self.letter.write(to: folder.appendingPathComponent("letter.pdf"))
            try Self.attachment.write(to: folder.appendingPathComponent("vedlegg.txt"))
            try Data("%PDF-1.7 eget brev\n".utf8).write(to: folder.appendingPathComponent("own.pdf"))
            let (documents, contents) = try Self.composer(in: folder).documents(ownDocumentPath: "own.pdf")
            #expect(documents.map(\.fileName) == ["own.pdf", "vedlegg.txt"])
            guard case .file(let own) = contents[0], case .prepared = contents[1] else {
                Issue.record("expected the row's file and the shared attachment: \(contents)")
                return
            }
            #expect(own.lastPathComponent == "own.pdf")
        }
    }

    @Test func documentsAboveTheSizeLimitStayStreamedFromDisk() throws {
        try TemporaryDirectory.with { folder in
            try Self.letter.write(to: folder.appendingPathComponent("letter.pdf"))
            try Self.attachment.write(to: folder.appendingPathComponent("vedlegg.txt"))
            let composer = try Self.composer(in: folder, shared: SharedDocuments(sizeLimit: 1000))
            let (documents, contents) = try composer.documents(ownDocumentPath: nil)
            #expect(documents[0].byteCount == Self.letter.count)
            guard case .file = contents[0], case .prepared = contents[1] else {
                Issue.record("expected the large letter from its file and the small attachment shared: \(contents)")
                return
            }
        }
    }

    @Test func aMissingPipelineDocumentIsEachLettersProblemNamingTheFile() throws {
        try TemporaryDirectory.with { folder in
            try Self.letter.write(to: folder.appendingPathComponent("letter.pdf"))
            let composer = try Self.composer(in: folder)
            let problem = #expect(throws: LetterProblem.self) { try composer.documents(ownDocumentPath: nil) }
            #expect(problem?.description == "attachments[0]: document not found: vedlegg.txt")
            // Once the file is there, the next letter gets it.
            try Self.attachment.write(to: folder.appendingPathComponent("vedlegg.txt"))
            #expect(try composer.documents(ownDocumentPath: nil).1.count == 2)
        }
    }
}
