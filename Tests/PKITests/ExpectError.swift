import Testing
import PKI

/// Expects `body` to throw a `PKIError` with `code`, and returns it so the test can check the message.
@discardableResult
func expectError<R>(_ code: PKIError.Code, sourceLocation: SourceLocation = #_sourceLocation,
                    _ body: () throws -> R) -> PKIError? {
    let error = #expect(throws: PKIError.self, sourceLocation: sourceLocation) { _ = try body() }
    let got = error.map { String(reflecting: $0) } ?? "nothing"
    #expect(error?.code == code, "expected \(code), got \(got)", sourceLocation: sourceLocation)
    return error
}
