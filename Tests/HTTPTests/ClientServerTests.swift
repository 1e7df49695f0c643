import Foundation
import HTTP
import Testing
import TestSupport

@Suite("HTTPClient against HTTPServer over loopback")
struct ClientServerTests {
    @Test func getReturnsStatusHeadersAndBody() throws {
        let server = try HTTPServer { request in
            var headers: HTTPHeaders = ["Content-Type": "text/plain"]
            headers.add(name: "Set-Cookie", value: "a=1")
            headers.add(name: "Set-Cookie", value: "b=2")
            return HTTPResponse(status: 200, headers: headers, body: Data("hello \(request.path)".utf8))
        }
        defer { server.stop() }
        let response = try HTTPClient().perform(HTTPRequest(url: server.baseURL + "/greeting?x=1"))
        #expect(response.status == 200)
        #expect(response.text == "hello /greeting")
        #expect(response.headers.first(name: "content-type") == "text/plain")
        #expect(response.headers["SET-COOKIE"] == ["a=1", "b=2"])
        #expect(response.headers.first(name: "Content-Length") == "15")
    }

    @Test func postSendsBodyAndHeadersAndReceivesStatus() throws {
        let server = try makeEchoServer()
        defer { server.stop() }
        let body = Data.random(count: 100_000)
        let request = HTTPRequest(
            method: .post, url: server.baseURL + "/messages/out?kanal=abc",
            headers: ["Authorization": "Bearer token", "Content-Type": "application/octet-stream"], body: .bytes(body))
        let response = try HTTPClient().perform(request)
        #expect(response.status == 200)
        #expect(response.body == body)
        #expect(response.headers.first(name: "X-Method") == "POST")
        #expect(response.headers.first(name: "X-Target") == "/messages/out?kanal=abc")
        #expect(response.headers.first(name: "X-Echo-Authorization") == "Bearer token")
        #expect(response.headers.first(name: "X-Echo-User-Agent") == "dpi-batch/\(HTTPClient.version)")
        #expect(response.headers.first(name: "X-Echo-Expect") == nil)
    }

    @Test func statusCodesAreReturnedNotThrown() throws {
        let server = try HTTPServer { request in
            HTTPResponse(status: Int(request.path.dropFirst()) ?? 500, headers: ["Retry-After": "7"])
        }
        defer { server.stop() }
        let client = try HTTPClient()
        let expectations: [(Int, HTTPStatusClass)] = [
            (201, .success), (429, .rateLimited(retryAfter: 7)), (503, .serverError(retryAfter: 7)),
            (401, .unauthorized), (403, .forbidden), (400, .clientError), (404, .clientError),
        ]
        for (status, expected) in expectations {
            let response = try client.perform(HTTPRequest(url: server.baseURL + "/\(status)"))
            #expect(response.status == status)
            #expect(response.statusClass() == expected)
        }
    }

    @Test func fiftySequentialRequestsShareOneConnection() throws {
        let server = try makeEchoServer()
        defer { server.stop() }
        let client = try HTTPClient()
        for index in 0..<50 {
            let method: HTTPMethod = index.isMultiple(of: 2) ? .get : .post
            let body: HTTPBody = method == .post ? .bytes(Data("request \(index)".utf8)) : .none
            let request = HTTPRequest(method: method, url: server.baseURL + "/\(index)", body: body)
            let response = try client.perform(request)
            #expect(response.status == 200)
        }
        #expect(server.acceptedConnections == 1)
        #expect(client.connectionsOpened == 1)
    }

    @Test func formFieldsArePercentEncoded() throws {
        let server = try makeEchoServer()
        defer { server.stop() }
        let form: HTTPBody = .form([("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("a b", "ø&=")])
        let response = try HTTPClient().perform(HTTPRequest(method: .post, url: server.baseURL + "/token", body: form))
        #expect(response.text == "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&a%20b=%C3%B8%26%3D")
        #expect(response.headers.first(name: "X-Echo-Content-Type") == "application/x-www-form-urlencoded")
    }

    @Test func headPutAndDeleteUseTheirMethods() throws {
        let server = try makeEchoServer()
        defer { server.stop() }
        let client = try HTTPClient()
        let head = try client.perform(HTTPRequest(method: .head, url: server.baseURL + "/h"))
        #expect(head.headers.first(name: "X-Method") == "HEAD")
        #expect(head.body.isEmpty)
        let putRequest = HTTPRequest(method: .put, url: server.baseURL + "/p", body: .bytes(Data("x".utf8)))
        let put = try client.perform(putRequest)
        #expect(put.headers.first(name: "X-Method") == "PUT")
        #expect(put.text == "x")
        let delete = try client.perform(HTTPRequest(method: .delete, url: server.baseURL + "/d"))
        #expect(delete.headers.first(name: "X-Method") == "DELETE")
        #expect(server.acceptedConnections == 1)
    }

    @Test func ipv6LoopbackServerIsReachable() throws {
        let server = try HTTPServer(configuration: .init(address: .ipv6Loopback)) { _ in HTTPResponse(status: 204) }
        defer { server.stop() }
        #expect(server.baseURL.hasPrefix("http://[::1]:"))
        #expect(try HTTPClient().perform(HTTPRequest(url: server.baseURL + "/")).status == 204)
    }

    @Test func headerWithLineBreakIsRefusedBeforeSending() throws {
        let server = try makeEchoServer()
        defer { server.stop() }
        let request = HTTPRequest(url: server.baseURL + "/", headers: ["X-Injected": "a\r\nEvil: 1"])
        let error = try #require(throws: HTTPError.self) { try HTTPClient().perform(request) }
        #expect(error.code == .invalidRequest)
        #expect(server.acceptedConnections == 0)
    }

    @Test func responseLargerThanTheLimitFails() throws {
        let server = try HTTPServer { _ in HTTPResponse(status: 200, body: Data(count: 10_000)) }
        defer { server.stop() }
        let client = try HTTPClient(configuration: .init(maximumResponseBytes: 1000))
        let error = try #require(throws: HTTPError.self) { try client.perform(HTTPRequest(url: server.baseURL)) }
        #expect(error.code == .responseTooLarge)
    }

    @Test func redirectsAreNotFollowedByDefault() throws {
        let server = try HTTPServer { request in
            request.path == "/old"
                ? HTTPResponse(status: 302, headers: ["Location": "/new"]) : HTTPResponse(status: 200)
        }
        defer { server.stop() }
        let response = try HTTPClient().perform(HTTPRequest(url: server.baseURL + "/old"))
        #expect(response.status == 302)
        #expect(response.headers.first(name: "Location") == "/new")
        #expect(response.statusClass() == .unexpected)
    }
}
