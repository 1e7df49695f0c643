import HTTP
import Simulator
import Testing

/// The router dispatches on method and path, hands `{name}` placeholder values to parameterised handlers,
/// and answers 404/405 for what nobody serves.
@Suite("Simulator router")
struct SimulatorRouterTests {
    static let router: SimulatorRouter = {
        var router = SimulatorRouter()
        router.add("GET", "/messages/in", handler: { _ in HTTPResponse(status: 200, body: .init("list".utf8)) })
        router.add("POST", "/messages/in/{id}/read", parameterised: { _, parameters in
            HTTPResponse(status: 204, headers: ["X-Id": parameters["id"] ?? "?"])
        })
        router.add("GET", "/messages/out/{id}/statuses", parameterised: { _, parameters in
            HTTPResponse(status: 200, body: .init("statuses of \(parameters["id"] ?? "?")".utf8))
        })
        return router
    }()

    @Test("requests reach the route of their method and path, with placeholder values, queries ignored")
    func dispatches() {
        #expect(Self.router.handle(HTTPServerRequest(method: "GET", target: "/messages/in?kanal=x")).text == "list")
        let read = Self.router.handle(HTTPServerRequest(method: "POST", target: "/messages/in/abc-123/read"))
        #expect(read.status == 204 && read.headers.first(name: "X-Id") == "abc-123")
        let statuses = Self.router.handle(HTTPServerRequest(method: "GET", target: "/messages/out/m1/statuses"))
        #expect(statuses.text == "statuses of m1")
    }

    @Test("paths that match no pattern get 404, including an empty placeholder and extra segments")
    func unknownPaths() {
        for target in ["/", "/messages", "/messages/in//read", "/messages/in/a/read/more", "/messages/in/"] {
            let response = Self.router.handle(HTTPServerRequest(method: "GET", target: target))
            #expect(response.status == 404, "\(target)")
            #expect(response.headers.first(name: "Content-Type") == "application/problem+json")
        }
    }

    @Test("a served path with another method gets 405 and Allow listing the served methods")
    func wrongMethod() {
        let response = Self.router.handle(HTTPServerRequest(method: "DELETE", target: "/messages/in/x/read"))
        #expect(response.status == 405)
        #expect(response.headers.first(name: "Allow") == "POST")
    }
}
