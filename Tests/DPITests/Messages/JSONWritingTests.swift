import DPI
import Foundation
import Testing

@Suite("Writing business message JSON")
struct JSONWritingTests {
    @Test("strings with quotes, backslashes, control characters and non-ASCII survive writing", arguments: [
        "Vedtak \"A\" \\ B", "linje 1\nlinje 2\ttab\r", "bjørn æøå ÆØÅ", "smiley 😀 and \u{1} control", "a/b</c>",
    ])
    func stringsRoundTrip(_ title: String) throws {
        var letter = SampleLetters.digital
        letter.nonSensitiveTitle = title
        let data = try BusinessMessage.digital(letter, SampleLetters.transmission).jsonData()
        let parsed = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
        let body = parsed?["standardBusinessDocument"]?["digital"] as? [String: Any]
        #expect(body?["ikkesensitivtittel"] as? String == title)
        guard case .digital(let decoded) = try BusinessMessage(jsonData: data).body else {
            Issue.record("not decoded as digital")
            return
        }
        #expect(decoded.nonSensitiveTitle == title)
        #expect(!String(decoding: data, as: UTF8.self).contains("\\/"))
    }

    @Test("a built message decodes to an equal message")
    func buildDecodeRoundTrip() throws {
        for message in [try BusinessMessage.digital(SampleLetters.digital, SampleLetters.transmission),
                        try BusinessMessage.print(SampleLetters.print, SampleLetters.transmission)] {
            #expect(try BusinessMessage(jsonData: message.jsonData()) == message)
        }
    }

    @Test("message and conversation ids are written as Foundation's UUID text in lowercase")
    func idsAreLowercaseUUIDs() throws {
        for _ in 0..<200 {
            let transmission = SampleLetters.transmission
            let header = try BusinessMessage.digital(SampleLetters.digital, transmission).header
            #expect(header.documentIdentification.instanceIdentifier == transmission.messageId.uuidString.lowercased())
            #expect(header.conversationScope?.instanceIdentifier
                    == transmission.conversationId.uuidString.lowercased())
        }
    }

    @Test("flyttet is read but never written")
    func movedIsReadOnly() throws {
        let digital = try BusinessMessage.digital(SampleLetters.digital, SampleLetters.transmission)
        // A flyttet message is a digital one plus the move fields the schema requires.
        let text = String(decoding: try digital.jsonData(), as: UTF8.self)
            .replacingOccurrences(of: "\"type\":\"digital\"", with: "\"type\":\"flyttet\"")
            .replacingOccurrences(of: "\"digital\":{", with: "\"flyttet\":{\"tidspunkt\":\"2023-11-14T21:16:04+01:00\","
                + "\"mottakstidspunkt\":\"2023-11-13\",\"aapnet\":true,")
        let message = try BusinessMessage(jsonData: Data(text.utf8))
        guard case .moved(let moved) = message.body else {
            Issue.record("not decoded as flyttet")
            return
        }
        #expect(moved.receivedDate == "2023-11-13" && moved.opened == true)
        #expect {
            try message.jsonData()
        } throws: { error in
            (error as? DPIError)?.code == .readOnlyMessageType && (error as? DPIError)?.disposition == .abort
        }
    }
}
