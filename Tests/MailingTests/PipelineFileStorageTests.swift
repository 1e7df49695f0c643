import DPI
import Foundation
import Testing
import TestSupport

@testable import Mailing

@Suite struct PipelineFileStorageTests {
    @Test func jobJSONCarriesTheBaseDirectoryAndReadsBackEqual() throws {
        let pipeline = try PipelineDefinition.load(file: PipelineFileFixture.example)
        let stored = try JSONEncoder().encode(pipeline)
        let object = try #require(try JSONSerialization.jsonObject(with: stored) as? [String: Any])
        #expect(object["baseDirectory"] as? String == Repository.root.appendingPathComponent("pipelines").path)
        let read = try PipelineDefinition(jobJSON: stored)
        #expect(read == pipeline)
        #expect(try JSONDecoder().decode(PipelineDefinition.self, from: stored) == pipeline)
    }

    @Test func jobJSONWithoutBaseDirectoryIsRefused() throws {
        let error = #expect(throws: PipelineError.self) {
            try PipelineDefinition(jobJSON: try PipelineFileFixture.exampleJSON())
        }
        #expect(error?.problems.contains { $0.field == "baseDirectory" } == true)
    }

    @Test func relativePathsResolveAgainstTheFilesFolderAndAbsoluteOnesStay() throws {
        try PipelineFileFixture.with { fixture in
            let sub = fixture.folder.appendingPathComponent("docs")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: PipelineFileFixture.letter, to: sub.appendingPathComponent("a.pdf"))
            let absolute = PipelineFileFixture.letter.path
            try fixture.write(["letter.document": #""docs/a.pdf""#,
                               "letter.attachments": #"[{"document": "\#(absolute)", "title": "V"}]"#])
            let pipeline = try PipelineDefinition.load(file: fixture.file)
            let folder = fixture.folder.standardizedFileURL
            #expect(pipeline.baseDirectory.path == folder.path)
            #expect(pipeline.documentURL == folder.appendingPathComponent("docs/a.pdf"))
            #expect(pipeline.attachmentURLs == [PipelineFileFixture.letter.standardizedFileURL])
            #expect(pipeline.resolve("x/../brev-7.pdf") == folder.appendingPathComponent("brev-7.pdf"))
            #expect(pipeline.resolve("/srv/brev.pdf").path == "/srv/brev.pdf")
        }
    }

    @Test func onBehalfOfMakesItTheAvsenderAndTheKeystoreOrganisationTheDataProcessor() throws {
        try PipelineFileFixture.with { fixture in
            try fixture.write(["sender.onBehalfOf": #""910076787""#, "sender.avsenderidentifikator": #""avd-1""#])
            let pipeline = try PipelineDefinition.load(file: fixture.file)
            #expect(pipeline.senderOrganisation.rawValue == "910076787")
            #expect(pipeline.dataProcessor?.rawValue == "991825827")
            #expect(pipeline.letterSender.technicalSender.rawValue == "991825827")
            #expect(pipeline.letterSender.senderIdentifier == "avd-1")

            try fixture.write(["sender.onBehalfOf": #""991825827""#])
            let error = #expect(throws: PipelineError.self) { try PipelineDefinition.load(file: fixture.file) }
            #expect(error?.problems.map(\.field) == ["sender.onBehalfOf"])
        }
    }

    @Test func attachmentWithAnExplicitTypeNeedsNoKnownExtension() throws {
        try PipelineFileFixture.with { fixture in
            try fixture.add("lenke.data", "<lenke/>")
            try fixture.write([
                "print.enabled": "false",
                "letter.attachments": #"[{"document": "lenke.data", "title": "Lenke", "#
                    + #""mimeType": "application/vnd.difi.dpi.lenke+xml"}]"#,
            ])
            let pipeline = try PipelineDefinition.load(file: fixture.file)
            #expect(pipeline.letter.attachments.first?.mimeType == "application/vnd.difi.dpi.lenke+xml")
        }
    }
}
