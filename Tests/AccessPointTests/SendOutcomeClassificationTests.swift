import AccessPoint
import ErrorDisposition
import Foundation
import HTTP
import Testing

/// The classification table on `SendOutcome`, row by row, without a network (spec 12.1).
@Suite("Send outcome: classification of answers")
struct SendOutcomeClassificationTests {
    static let problem = Data(#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad"}"#.utf8)

    static func response(_ status: Int, retryAfter: String? = nil, body: Data = Data()) -> HTTPResponse {
        var headers: HTTPHeaders = [:]
        if let retryAfter { headers.add(name: "Retry-After", value: retryAfter) }
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let status: Int
        let retryAfter: String?
        let onNewConnection: Bool
        let expected: String
        let mayHaveBeenStored: Bool
        let disposition: Disposition?

        init(_ status: Int, retryAfter: String? = nil, onNewConnection: Bool = false, _ expected: String,
             stored: Bool, _ disposition: Disposition?) {
            self.status = status
            self.retryAfter = retryAfter
            self.onNewConnection = onNewConnection
            self.expected = expected
            mayHaveBeenStored = stored
            self.disposition = disposition
        }

        var testDescription: String { "HTTP \(status)\(onNewConnection ? " on a new connection" : "")" }
    }

    static let rows: [Row] = [
        Row(201, "accepted", stored: true, nil),
        Row(200, "accepted", stored: true, nil),
        Row(400, "rejected", stored: false, .reject),
        Row(409, "rejected", stored: false, .reject),
        Row(413, "rejected", stored: false, .reject),
        Row(400, onNewConnection: true, "uncertain", stored: true, .retry),
        Row(401, onNewConnection: true, "unauthorized", stored: false, .retry),
        Row(401, "unauthorized", stored: false, .retry),
        Row(403, "forbidden", stored: false, .abort),
        Row(408, "unavailable", stored: false, .retry),
        Row(429, retryAfter: "7", "rateLimited", stored: false, .retry),
        Row(503, retryAfter: "1", "unavailable", stored: false, .retry),
        Row(500, "uncertain", stored: true, .retry),
        Row(502, "uncertain", stored: true, .retry),
        Row(504, "uncertain", stored: true, .retry),
        Row(507, "uncertain", stored: true, .retry),
        Row(302, "failed", stored: true, .abort),
        Row(101, "failed", stored: true, .abort),
    ]

    @Test("each status lands in its row: outcome, may-be-stored and disposition", arguments: rows)
    func classification(row: Row) {
        let outcome = SendOutcome(response: Self.response(row.status, retryAfter: row.retryAfter, body: Self.problem),
                                  onNewConnection: row.onNewConnection)
        #expect(Self.name(of: outcome) == row.expected)
        #expect(outcome.mayHaveBeenStored == row.mayHaveBeenStored)
        #expect(outcome.disposition == row.disposition)
    }

    @Test("Retry-After in seconds or as an HTTP-date becomes the outcome's delay")
    func retryAfter() {
        #expect(SendOutcome(response: Self.response(429, retryAfter: "7")) == .rateLimited(retryAfter: 7))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let date = "Tue, 14 Nov 2023 22:13:40 GMT"   // now + 20 s
        let outcome = SendOutcome(response: Self.response(503, retryAfter: date), now: now)
        #expect(outcome.retryAfter == 20)
        #expect(SendOutcome(response: Self.response(429)).retryAfter == nil)
        #expect(SendOutcome(response: Self.response(429, retryAfter: "soon")).retryAfter == nil)
    }

    @Test("a rejection keeps the problem, filling in the status when the body lacks it; no body still rejects")
    func rejectionProblem() {
        let body = Data(#"{"type":"urn:x:rule:message-id-reused","detail":"used","extra":{"a":1}}"#.utf8)
        #expect(SendOutcome(response: Self.response(400, body: body))
            == .rejected(Problem(type: "urn:x:rule:message-id-reused", status: 400, detail: "used")))
        #expect(SendOutcome(response: Self.response(422, body: Data("<html>no</html>".utf8)))
            == .rejected(Problem(status: 422)))
    }

    @Test("a 5xx reason names the status and the problem summary")
    func uncertainReason() throws {
        let body = Data(#"{"status":500,"title":"Internal Server Error","detail":"after store"}"#.utf8)
        guard case .uncertain(let reason) = SendOutcome(response: Self.response(500, body: body)) else {
            Issue.record("a 500 must be uncertain")
            return
        }
        #expect(reason.contains("HTTP 500"))
        #expect(reason.contains("after store"))
    }

    static func name(of outcome: SendOutcome) -> String {
        switch outcome {
        case .accepted: "accepted"
        case .rejected: "rejected"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .rateLimited: "rateLimited"
        case .unavailable: "unavailable"
        case .uncertain: "uncertain"
        case .notSent: "notSent"
        case .failed: "failed"
        }
    }
}
