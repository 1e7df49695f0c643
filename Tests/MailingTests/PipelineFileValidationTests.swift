import DPI
import Foundation
import Testing
import TestSupport

@testable import Mailing

@Suite struct PipelineFileValidationTests {
    @Test func examplePipelineIsValidAndReadAsWritten() throws {
        let pipeline = try PipelineDefinition.load(file: PipelineFileFixture.example)
        #expect(pipeline.name == "property-tax-2027")
        #expect(pipeline.senderOrganisation.rawValue == "991825827")
        #expect(pipeline.dataProcessor == nil)
        #expect(pipeline.letter.securityLevel == 3)
        #expect(pipeline.letter.notifications.sms == "Du har fått post")
        #expect(pipeline.print.enabled && pipeline.print.color == .blackAndWhite)
        #expect(pipeline.print.postType.messageValue == .b)
        #expect(pipeline.print.returnHandling == .directReturn)
        #expect(pipeline.print.returnAddress?.postalAddress == .norwegian(name: "Kommunen", lines: ["Postboks 1"],
                                                                           postalCode: "0001", city: "OSLO"))
        #expect(pipeline.documentURL == PipelineFileFixture.letter.standardizedFileURL)
        #expect(pipeline.throughput == .init(messagesPerSecond: 200, maxInFlight: 32, buildWorkers: 0))
        #expect(pipeline.schedule.sendWindow == nil)
    }

    @Test func exampleLetterIsAPDFThatQpdfAccepts() throws {
        let check = try ChildProcess.run("qpdf", ["--check", PipelineFileFixture.letter.path])
        #expect(check.status == 0, "\(check.text)\(check.stderr)")
        #expect(check.text.contains("No syntax or stream encoding errors found"))
    }

    @Test func missingOptionalKeysGetTheirDefaultsAndUnknownKeysAreIgnored() throws {
        let json = """
            {"name": "minimal", "comment": "ignored", "sender": {"orgno": "991825827", "team": "x"},
             "letter": {"title": "Brev", "nonSensitiveTitle": "Brev fra kommunen", "document": "letter.pdf"}}
            """
        let pipeline = try PipelineDefinition(json: Data(json.utf8), baseDirectory: PipelineFileFixture.letter
            .deletingLastPathComponent())
        #expect(pipeline.letter.language == "NO")
        #expect(pipeline.letter.securityLevel == 4)
        #expect(pipeline.letter.attachments.isEmpty && !pipeline.letter.openingReceipt)
        #expect(pipeline.letter.notifications.email == nil && pipeline.letter.notifications.repetitions == [0, 7])
        #expect(!pipeline.print.enabled && pipeline.print.postType == .economy)
        #expect(pipeline.throughput.messagesPerSecond == 200 && pipeline.throughput.maxInFlight == 32)
        #expect(pipeline.throughput.buildWorkers == 0 && pipeline.throughput.buildWorkerCount >= 1)
        #expect(pipeline.schedule.isOpen(at: Date()))
    }

    /// Each edit of the example breaks one rule; the error names that field and says what is wrong.
    @Test(arguments: [
        (["letter.securityLevel": "5"], "letter.securityLevel", "must be 3 or 4"),
        (["sender.orgno": #""991825828""#], "sender.orgno",
         "991825828 is not a valid organisation number: check digit does not match"),
        (["sender.orgno": PipelineFileFixture.remove], "sender.orgno", "required"),
        (["sender.onBehalfOf": #""12345""#], "sender.onBehalfOf", "must have 9 digits"),
        (["sender.avsenderidentifikator": "\"\(String(repeating: "x", count: 101))\""],
         "sender.avsenderidentifikator", "1–100 characters"),
        (["letter.document": #""missing.pdf""#], "letter.document", "file not found: "),
        (["letter.document": #""letter.exe""#], "letter.document", "unsupported file type '.exe'"),
        (["letter.language": #""nor""#], "letter.language", "two-letter"),
        (["letter.title": #""""#], "letter.title", "required"),
        (["letter.nonSensitiveTitle": "\"\(String(repeating: "x", count: 256))\""], "letter.nonSensitiveTitle",
         "1–255 characters"),
        (["letter.effectiveAt": #""tomorrow""#], "letter.effectiveAt", "RFC 3339"),
        (["letter.notifications": "{\"sms\": \"\(String(repeating: "x", count: 161))\"}"],
         "letter.notifications.sms", "1–160 characters"),
        (["letter.notifications": #"{"email": ""}"#], "letter.notifications.email", "1–500 characters"),
        (["letter.notifications": #"{"email": "Post", "repetitions": [0, 30]}"#],
         "letter.notifications.repetitions", "0–25"),
        (["letter.attachments": #"[{"document": "letter.pdf"}]"#], "letter.attachments[0].title", "required"),
        (["letter.attachments": #"[{"title": "V", "document": "letter.pdf", "mimeType": "application/x-foo"}]"#],
         "letter.attachments[0].mimeType", "not a MIME type DPI accepts"),
        (["print.returnAddress.postalCode": PipelineFileFixture.remove], "print.returnAddress.postalCode",
         "required when print.enabled is true"),
        (["print.returnAddress.postalCode": #""12345""#], "print.returnAddress.postalCode", "4 digits"),
        (["print.returnAddress": "null"], "print.returnAddress", "required when print.enabled is true"),
        (["print.color": #""PINK""#], "print.color", "must be SORT_HVIT or FARGE"),
        (["throughput.messagesPerSecond": "0"], "throughput.messagesPerSecond", "must be > 0"),
        (["throughput.maxInFlight": "0"], "throughput.maxInFlight", "at least 1"),
        (["throughput.buildWorkers": "-1"], "throughput.buildWorkers", "0 (one per core) or more"),
        (["schedule.sendWindow": #"{"from": "21:00", "to": "07:00"}"#], "schedule.sendWindow.to", "later than"),
        (["schedule.sendWindow": #"{"from": "7", "to": "21:00"}"#], "schedule.sendWindow.from", "HH:MM"),
        (["name": #""""#], "name", "required"),
    ])
    func eachBrokenRuleIsNamedByItsField(edits: [String: String], field: String, message: String) throws {
        let error = try problems(edits)
        let problem = try #require(error.problems.first { $0.field == field }, "\(error.problems)")
        #expect(problem.message.contains(message), "\(problem)")
        #expect(error.code == .invalidDefinition)
    }

    @Test func printOfANonPDFDocumentIsRefusedOnlyWhenPrintIsEnabled() throws {
        try PipelineFileFixture.with { fixture in
            try fixture.add("letter.txt", "Hei")
            let text = ["letter.document": #""letter.txt""#]
            try fixture.write(text)
            let error = #expect(throws: PipelineError.self) { try PipelineDefinition.load(file: fixture.file) }
            #expect(error?.problems.map(\.field) == ["letter.document"])
            #expect(error?.problems.first?.message.contains("print accepts PDF only") == true)
            try fixture.write(text.merging(["print.enabled": "false"]) { $1 })
            #expect(try PipelineDefinition.load(file: fixture.file).documentURL?.lastPathComponent == "letter.txt")
        }
    }

    @Test func allProblemsAreReportedAtOnceAcrossSections() throws {
        let error = try problems([
            "sender.orgno": #""991825828""#, "letter.securityLevel": "2", "letter.document": #""missing.pdf""#,
            "print.returnAddress.city": PipelineFileFixture.remove, "throughput.messagesPerSecond": "-1",
        ])
        #expect(error.problems.map(\.field) == [
            "sender.orgno", "letter.document", "letter.securityLevel", "print.returnAddress.city",
            "throughput.messagesPerSecond",
        ])
        #expect(error.description.contains("5 problems"))
    }

    @Test func aValueOfTheWrongTypeIsNamedAndTheOtherSectionsAreStillCheckedInFileOrder() throws {
        let error = try problems(["letter.securityLevel": #""3""#, "throughput.maxInFlight": "0", "name": #""""#])
        #expect(error.problems.map(\.description) == [
            "name: required", "letter.securityLevel: must be a whole number",
            "throughput.maxInFlight: must be at least 1",
        ])
    }

    @Test func malformedJSONIsOneProblemOfTheFile() throws {
        try PipelineFileFixture.with { fixture in
            try Data("{\"name\": }".utf8).write(to: fixture.file)
            let error = #expect(throws: PipelineError.self) { try PipelineDefinition.load(file: fixture.file) }
            #expect(error?.problems.first?.field == "(file)")
            #expect(error?.problems.first?.message.hasPrefix("not valid JSON at line 1, column 10") == true)
            let missing = #expect(throws: PipelineError.self) {
                try PipelineDefinition.load(file: fixture.folder.appendingPathComponent("none.json"))
            }
            #expect(missing?.code == .unreadableFile)
        }
    }

    /// The problems of the example with `edits`, written beside a copy of letter.pdf and a `letter.exe`.
    private func problems(_ edits: [String: String]) throws -> PipelineError {
        try PipelineFileFixture.with { fixture throws -> PipelineError in
            try fixture.add("letter.exe")
            try fixture.write(edits)
            do {
                _ = try PipelineDefinition.load(file: fixture.file)
            } catch let error as PipelineError {
                return error
            }
            throw TestEnvironmentError("the edits \(edits) were accepted")
        }
    }
}
