import Foundation
import HTTP
import Testing

@Suite("HTTPHeaders and HTTPServerRequest accessors")
struct HTTPHeadersTests {
    @Test func lookupIgnoresCaseAndKeepsRepeatedValuesInOrder() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain"]
        headers.add(name: "Accept", value: "a")
        headers.add(name: "ACCEPT", value: "b")
        #expect(headers["accept"] == ["a", "b"])
        #expect(headers.first(name: "content-TYPE") == "text/plain")
        #expect(headers.first(name: "Missing") == nil)
        headers.replaceOrAdd(name: "accept", value: "c")
        #expect(headers["Accept"] == ["c"])
        headers.remove(name: "CONTENT-type")
        #expect(!headers.contains(name: "Content-Type"))
        #expect(headers.count == 1)
    }

    @Test func requestPathAndQueryAreSplitAndDecoded() {
        let request = HTTPServerRequest(method: "GET", target: "/messages/in?kanal=a%20b&page_size=10&flag")
        #expect(request.path == "/messages/in")
        #expect(request.query("kanal") == "a b")
        #expect(request.query("page_size") == "10")
        #expect(request.query("flag") == "")
        #expect(request.query("page") == nil)
        #expect(HTTPServerRequest(method: "GET", target: "/x").queryItems.isEmpty)
    }
}
