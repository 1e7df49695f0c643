import HTTP

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
