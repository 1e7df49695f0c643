import Foundation
@testable import Mailing
import Testing

/// Log lines: masking of person ids, tokens and JWTs, and the two formats.
@Suite struct OperationsLoggingTests {
    @Test(arguments: [
        ("person 01019012345 not found", "person 010190***** not found"),
        ("ids 01019012345,31129956789.", "ids 010190*****,311299*****."),
        ("order 123456789012 and 1234567890 stay", "order 123456789012 and 1234567890 stay"),
        ("Authorization: Bearer abc.DEF-123_x", "Authorization: Bearer ***"),
        ("header bearer  secret-token, next", "header bearer ***, next"),
        ("jwt=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwMTAxOTAxMjM0NSJ9.c2ln done", "jwt=eyJ*** done"),
        ("{\"token\":\"eyJraWQiOiJ4In0.e30.\"}", "{\"token\":\"eyJ***\"}"),
        ("nothing to hide: job 7, 200 letters/s", "nothing to hide: job 7, 200 letters/s"),
    ])
    func secretsAndPersonIdsAreMasked(_ input: String, _ masked: String) {
        #expect(LogMasking.mask(input) == masked)
    }

    @Test func jsonLinesCarryTimeLevelLabelMessageAndFieldsAllMasked() throws {
        let lines = Lines()
        var logger = Logger(label: "run", minimumLevel: .info, format: .json) { _, line in lines.append(line) }
        logger.metadata = ["job": "7"]
        logger.info("letter for 01019012345 sent with Bearer xyz\n\"done\"", fields: ["person": "31129956789"])
        logger.debug("suppressed")
        let line = try #require(lines.all.first)
        #expect(lines.all.count == 1)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(Set(object.keys) == ["time", "level", "label", "message", "job", "person"])
        #expect(object["level"] == "info" && object["label"] == "run" && object["job"] == "7")
        #expect(object["message"] == "letter for 010190***** sent with Bearer ***\n\"done\"")
        #expect(object["person"] == "311299*****")
        #expect(try Date(object["time"] ?? "", strategy: .iso8601) <= Date())
    }

    @Test func humanLinesAreTheDefaultAndMaskToo() throws {
        let lines = Lines()
        let logger = Logger(label: "job 7", format: .human) { _, line in lines.append(line) }
        logger.warning("KRR had no answer for 01019012345", fields: ["batch": "3"])
        let line = try #require(lines.all.first)
        #expect(line.hasSuffix(" warning [job 7] KRR had no answer for 010190***** batch=3"))
        #expect(Logger(label: "x").format == .human)
    }
}

/// Lines a test sink collected.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
