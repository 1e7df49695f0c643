import AccessPoint
import Foundation
import Testing

/// problem+json bodies are read leniently and summarised without leaking person identifiers (spec 10.7).
@Suite("Problem: parsing and log-safe summary")
struct ProblemTests {
    @Test("all five RFC 7807 members are read; extra members are ignored")
    func members() throws {
        let body = #"{"type":"urn:t","title":"Bad Request","status":400,"detail":"d","instance":"urn:i","x":[1]}"#
        let problem = try #require(Problem.parse(Data(body.utf8)))
        #expect(problem == Problem(type: "urn:t", title: "Bad Request", status: 400, detail: "d", instance: "urn:i"))
    }

    @Test("a member of the wrong JSON type is dropped, a status sent as text is read")
    func lenient() throws {
        let problem = try #require(Problem.parse(Data(#" {"status":"503","detail":7,"title":"Busy"}"#.utf8)))
        #expect(problem == Problem(title: "Busy", status: 503))
    }

    @Test("an empty body, HTML, a JSON array or broken JSON is no problem", arguments: [
        "", "<html><body>502 Bad Gateway</body></html>", "[1,2]", "{\"detail\":", "null",
    ])
    func notAProblem(body: String) {
        #expect(Problem.parse(Data(body.utf8)) == nil)
    }

    @Test("the summary masks runs of 11 or more digits, keeps organisation numbers, and stays on one line")
    func summary() {
        let problem = Problem(type: "urn:x:rule:recipient-reserved", title: "Bad Request", status: 400,
                              detail: "person 01884012345 of 991825827\nis reserved")
        #expect(problem.summary
            == "400 Bad Request [urn:x:rule:recipient-reserved] person *********** of 991825827 is reserved")
        #expect(Problem(type: "about:blank", detail: String(repeating: "a", count: 400)).summary.count == 301)
        #expect(Problem().summary == "problem without members")
    }
}
