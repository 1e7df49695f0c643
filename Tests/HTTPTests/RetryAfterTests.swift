import ErrorDisposition
import Foundation
import HTTP
import Testing

@Suite("Retry-After parsing and status classification")
struct RetryAfterTests {
    /// 1994-11-06 08:48:37 UTC, one minute before the RFC 9110 example date.
    static let now = Date(timeIntervalSince1970: 784_111_717)

    static let cases: [(String, TimeInterval?)] = [
        ("120", 120),
        ("0", 0),
        (" 5 ", 5),
        ("Sun, 06 Nov 1994 08:49:37 GMT", 60),
        ("Sunday, 06-Nov-94 08:49:37 GMT", 60),
        ("Sun Nov  6 08:49:37 1994", 60),
        ("Sun, 06 Nov 1994 08:00:00 GMT", 0),
        ("-1", nil),
        ("1.5", nil),
        ("soon", nil),
        ("", nil),
        ("99999999999999999999999", nil),
    ]

    @Test(arguments: cases)
    func retryAfterIsParsedAsSecondsOrHTTPDate(value: String, expected: TimeInterval?) {
        #expect(RetryAfter.delay(from: value, now: Self.now) == expected)
    }

    static let statuses: [(Int, HTTPStatusClass, Disposition?)] = [
        (200, .success, nil), (201, .success, nil), (204, .success, nil),
        (429, .rateLimited(retryAfter: 60), .retry), (500, .serverError(retryAfter: 60), .retry),
        (503, .serverError(retryAfter: 60), .retry), (408, .serverError(retryAfter: 60), .retry),
        (401, .unauthorized, .retry), (403, .forbidden, .abort), (400, .clientError, .reject),
        (404, .clientError, .reject), (302, .unexpected, .abort), (100, .unexpected, .abort),
    ]

    @Test(arguments: statuses)
    func statusIsClassifiedWithRetryAfter(status: Int, expected: HTTPStatusClass, disposition: Disposition?) {
        let headers: HTTPHeaders = ["retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"]
        let classified = HTTPStatusClass(status: status, headers: headers, now: Self.now)
        #expect(classified == expected)
        #expect(classified.disposition == disposition)
    }

    @Test func rateLimitWithoutUsableRetryAfterHasNoDelay() {
        #expect(HTTPStatusClass(status: 429, headers: ["Retry-After": "later"]) == .rateLimited(retryAfter: nil))
        #expect(HTTPStatusClass(status: 429) == .rateLimited(retryAfter: nil))
    }
}
