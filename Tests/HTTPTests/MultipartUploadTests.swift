import Foundation
import HTTP
import Testing
import TestSupport

@Suite("multipart/form-data and chunked uploads, checked against curl and Python")
struct MultipartUploadTests {
    /// A compact JWS-like text part, as the access point expects in `forretningsmelding` (spec 10.2).
    static let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdGFuZGFyZEJ1c2luZXNzRG9jdW1lbnQiOnt9fQ.c2lnbmF0dXJl"

    /// Random bytes, except first and last, which are letters: Python's email parser, used as the
    /// independent check, treats a CR right before the boundary line as part of the line break.
    static func packageBytes(_ count: Int) -> Data {
        var data = Data.random(count: count)
        data[0] = UInt8(ascii: "P")
        data[count - 1] = UInt8(ascii: "Z")
        return data
    }

    /// A server that keeps the last request it received and answers 201.
    static func capturingServer() throws -> (HTTPServer, Locked<HTTPServerRequest?>) {
        let captured = Locked<HTTPServerRequest?>(nil)
        let server = try HTTPServer { request in
            captured.value = request
            return HTTPResponse(status: 201)
        }
        return (server, captured)
    }

    @Test func twentyMegabyteFilePartIsStreamedAndReceivedIntact() throws {
        try TemporaryDirectory.with { directory in
            let package = Self.packageBytes(20 << 20)
            let packageURL = directory.appendingPathComponent("asic.cms")
            try package.write(to: packageURL)
            let (server, captured) = try Self.capturingServer()
            defer { server.stop() }

            let parts = [
                MultipartPart(name: "forretningsmelding", filename: "sbd.jwt", contentType: "application/jwt",
                              content: .data(Data(Self.jwt.utf8))),
                MultipartPart(name: "dokumentpakke", filename: "asic.cms", contentType: "application/cms",
                              content: .file(path: packageURL.path)),
            ]
            let request = HTTPRequest(method: .post, url: server.baseURL + "/messages/out", body: .multipart(parts))
            #expect(try HTTPClient().perform(request).status == 201)

            let received = try #require(captured.value)
            let contentType = try #require(received.headers.first(name: "Content-Type"))
            let form = try MultipartFormData(body: received.body, contentType: contentType)
            #expect(form.parts.map(\.name) == ["forretningsmelding", "dokumentpakke"])
            #expect(form.parts.map(\.filename) == ["sbd.jwt", "asic.cms"])
            #expect(form.parts.map(\.contentType) == ["application/jwt", "application/cms"])
            #expect(form.part(named: "forretningsmelding")?.body == Data(Self.jwt.utf8))
            #expect(form.part(named: "dokumentpakke")?.body == package)

            // Independent check: Python's email parser reads the exact bytes our client sent.
            let rawURL = directory.appendingPathComponent("raw-body")
            try received.body.write(to: rawURL)
            let python = try ChildProcess.run("python3", ["-c", Self.pythonPartLister, contentType, rawURL.path])
            #expect(python.status == 0, "\(python.stderr)")
            let checksum = try ChildProcess.run("sha256sum", [packageURL.path]).text.prefix { $0 != " " }
            let jwtChecksum = try ChildProcess.run("sha256sum", [], input: Data(Self.jwt.utf8)).text
                .prefix { $0 != " " }
            #expect(python.text.split(separator: "\n") == [
                "forretningsmelding sbd.jwt application/jwt \(Self.jwt.utf8.count) \(jwtChecksum)",
                "dokumentpakke asic.cms application/cms \(package.count) \(checksum)",
            ])
        }
    }

    /// Prints `name filename content-type size sha256` for each part of a multipart body.
    static let pythonPartLister = """
        import sys, hashlib, email.parser, email.policy
        content_type, path = sys.argv[1], sys.argv[2]
        raw = open(path, 'rb').read()
        head = b'Content-Type: ' + content_type.encode() + b'\\r\\n\\r\\n'
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + raw)
        assert message.is_multipart(), 'not multipart'
        for part in message.iter_parts():
            data = part.get_payload(decode=True)
            name = part.get_param('name', header='content-disposition')
            print(name, part.get_filename(), part.get_content_type(), len(data), hashlib.sha256(data).hexdigest())
        """

    @Test func multipartPostFromCurlIsParsed() throws {
        try TemporaryDirectory.with { directory in
            let package = Data.random(count: 2 << 20)  // over 1 MiB, so curl sends Expect: 100-continue
            let packageURL = directory.appendingPathComponent("asic.cms")
            let jwtURL = directory.appendingPathComponent("sbd.jwt")
            try package.write(to: packageURL)
            try Data(Self.jwt.utf8).write(to: jwtURL)
            let (server, captured) = try Self.capturingServer()
            defer { server.stop() }

            let curl = try ChildProcess.run("curl", [
                "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "20",
                "-F", "forretningsmelding=@\(jwtURL.path);type=application/jwt",
                "-F", "dokumentpakke=@\(packageURL.path);type=application/cms",
                server.baseURL + "/messages/out",
            ])
            #expect(curl.text == "201", "\(curl.stderr)")
            let received = try #require(captured.value)
            let form = try MultipartFormData(
                body: received.body, contentType: received.headers.first(name: "Content-Type") ?? "")
            #expect(form.parts.map(\.name) == ["forretningsmelding", "dokumentpakke"])
            #expect(form.parts.map(\.filename) == ["sbd.jwt", "asic.cms"])
            #expect(form.part(named: "forretningsmelding")?.contentType == "application/jwt")
            #expect(form.part(named: "forretningsmelding")?.body == Data(Self.jwt.utf8))
            #expect(form.part(named: "dokumentpakke")?.body == package)
        }
    }

    @Test func chunkedBodyFromCurlIsReceivedIntact() throws {
        try TemporaryDirectory.with { directory in
            let payload = Data.random(count: 3 << 20)
            let payloadURL = directory.appendingPathComponent("payload.bin")
            try payload.write(to: payloadURL)
            let (server, captured) = try Self.capturingServer()
            defer { server.stop() }

            let curl = try ChildProcess.run("curl", [
                "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "20",
                "-H", "Transfer-Encoding: chunked", "-H", "Content-Type: application/octet-stream",
                "--data-binary", "@\(payloadURL.path)", server.baseURL + "/upload",
            ])
            #expect(curl.text == "201", "\(curl.stderr)")
            let received = try #require(captured.value)
            #expect(received.headers.first(name: "Transfer-Encoding") == "chunked")
            #expect(received.body == payload)
        }
    }

    @Test func missingFilePartFailsBeforeConnecting() throws {
        let (server, _) = try Self.capturingServer()
        defer { server.stop() }
        let part = MultipartPart(name: "dokumentpakke", content: .file(path: "/nonexistent/asic.cms"))
        let request = HTTPRequest(method: .post, url: server.baseURL + "/messages/out", body: .multipart([part]))
        let error = try #require(throws: HTTPError.self) { try HTTPClient().perform(request) }
        #expect(error.code == .fileUnreadable)
        #expect(error.disposition == .reject)
        #expect(server.acceptedConnections == 0)
    }
}
