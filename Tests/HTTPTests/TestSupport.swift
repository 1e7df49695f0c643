import Foundation
import HTTP
import Synchronization
import Testing

/// A fresh temporary directory, removed when the value is dropped by `withTemporaryDirectory`.
func withTemporaryDirectory<R>(_ body: (URL) throws -> R) throws -> R {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("http-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// `count` pseudo-random bytes (all 256 values, including CR, LF and '-', which a multipart parser must survive).
func randomBytes(_ count: Int) -> Data {
    var generator = SystemRandomNumberGenerator()
    var bytes = [UInt8](repeating: 0, count: count)
    bytes.withUnsafeMutableBytes { raw in
        let words = raw.bindMemory(to: UInt64.self)
        for index in words.indices {
            words[index] = generator.next()
        }
    }
    return Data(bytes)
}

/// The outcome of a finished child process.
struct ProcessResult {
    var status: Int32
    var output: Data
    var errorText: String

    var text: String { String(decoding: output, as: UTF8.self) }
}

/// Runs a command to completion with a bounded wait (killed and recorded as a failure after `timeout`).
func run(_ arguments: [String], input: Data? = nil, timeout: Double = 30) throws -> ProcessResult {
    try withTemporaryDirectory { directory in
        let child = try ChildProcess(arguments, directory: directory, input: input)
        let finished = child.wait(timeout: timeout)
        #expect(finished, "\(arguments[0]) did not finish within \(timeout) s")
        if !finished { child.stop() }
        return ProcessResult(status: child.process.terminationStatus, output: child.output(),
                             errorText: String(decoding: child.errorOutput(), as: UTF8.self))
    }
}

/// A child process whose output goes to files (no pipe can fill up and block it); for long-running peers.
final class ChildProcess {
    let process = Process()
    private let outputURL: URL
    private let errorURL: URL

    init(_ arguments: [String], directory: URL, input: Data? = nil) throws {
        outputURL = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        errorURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        if let input {
            let inputURL = directory.appendingPathComponent("stdin-\(UUID().uuidString)")
            try input.write(to: inputURL)
            process.standardInput = try FileHandle(forReadingFrom: inputURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
    }

    /// Waits until the process exits or `timeout` seconds pass; true when it exited.
    func wait(timeout: Double) -> Bool {
        waitUntil(timeout: timeout) { !process.isRunning }
    }

    /// Kills the process and waits for it (bounded). SIGKILL, because children started from the test
    /// runner's threads inherit a signal mask that blocks SIGTERM.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        _ = wait(timeout: 5)
    }

    func output() -> Data {
        (try? Data(contentsOf: outputURL)) ?? Data()
    }

    func errorOutput() -> Data {
        (try? Data(contentsOf: errorURL)) ?? Data()
    }
}

/// Polls `condition` every 10 ms until it holds or `timeout` seconds pass; true when it held.
func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
        guard Date() < deadline else { return false }
        usleep(10_000)
    }
    return true
}

/// An error raised by a test helper when a precondition of the test environment fails.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
}

/// A server answering every request with an echo: status 200, the method, target and body, and the
/// request headers as `X-Echo-<name>` response headers.
func makeEchoServer() throws -> HTTPServer {
    try HTTPServer { request in
        var headers: HTTPHeaders = ["X-Method": request.method, "X-Target": request.target]
        for field in request.headers {
            headers.add(name: "X-Echo-" + field.name, value: field.value)
        }
        return HTTPResponse(status: 200, headers: headers, body: request.body)
    }
}

/// A value shared between a server handler thread and the test, guarded by a mutex.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    var value: Value {
        get { mutex.withLock { $0 } }
        set { mutex.withLock { $0 = newValue } }
    }
}
