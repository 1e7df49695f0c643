import Foundation
import HTTP

extension KRRClient {
    /// One `POST /rest/v2/personer` for `batch`, with one fresh-token retry on 401. Throws `RoutingError`:
    /// `.invalidPersonIdentifier` for 400 (the caller splits), `.serviceUnavailable` (retry) for 5xx, 429
    /// and network failures, `.notAuthorized` (abort) for 403 or a second 401 (spec 12.3).
    func send(_ batch: [String], using client: HTTPClient) throws -> [String: KRRPerson] {
        let body = try JSONSerialization.data(withJSONObject: ["personidentifikatorer": batch])
        var response = try perform(.post, "/rest/v2/personer", body: body, using: client)
        if response.status == 401 {
            maskinporten.invalidate()
            response = try perform(.post, "/rest/v2/personer", body: body, using: client)
        }
        switch response.statusClass() {
        case .success:
            return try Self.persons(in: response)
        case .clientError where response.status == 400:
            throw RoutingError(.invalidPersonIdentifier, "KRR refused the lookup as a bad request",
                               details: String(response.text.prefix(500)))
        default:
            throw Self.failure(response, service: "KRR lookup")
        }
    }

    /// One `GET /rest/v2/printSertifikat`, sent with a token although the reference sends none (spec 4.4).
    func fetchPrintCertificate(using client: HTTPClient) throws -> PrintCertificate {
        let response = try perform(.get, "/rest/v2/printSertifikat", body: nil, using: client)
        guard response.statusClass() == .success else { throw Self.failure(response, service: "KRR print certificate") }
        guard let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any],
              let provider = object["postkasseleverandoerAdresse"] as? String,
              let certificate = object["x509Sertifikat"] as? String else {
            throw RoutingError(.malformedResponse, "KRR's print certificate answer lacks its documented fields")
        }
        return PrintCertificate(provider: provider, certificate: certificate)
    }

    private func perform(_ method: HTTPMethod, _ path: String, body: Data?, using client: HTTPClient) throws
        -> HTTPResponse {
        let token = try maskinporten.token(scope: configuration.scope, using: client)
        var headers: HTTPHeaders = ["Accept": "application/json", "Authorization": "Bearer \(token.compact)"]
        if body != nil { headers.add(name: "Content-Type", value: "application/json") }
        let request = HTTPRequest(method: method, url: configuration.baseURL + path, headers: headers,
                                  body: body.map { .bytes($0) } ?? .none, timeouts: configuration.timeouts)
        countRequest()
        do {
            return try client.perform(request)
        } catch let error as HTTPError {
            throw RoutingError(.serviceUnavailable, "KRR could not be reached; check DPI_KRR_URL",
                               details: error.debugDescription, disposition: error.disposition)
        }
    }

    private static func persons(in response: HTTPResponse) throws -> [String: KRRPerson] {
        guard let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any],
              let list = object["personer"] as? [[String: Any]] else {
            throw RoutingError(.malformedResponse, "KRR answered without a \"personer\" list")
        }
        var persons: [String: KRRPerson] = [:]
        for case let person? in list.map(KRRPerson.init(json:)) {
            persons[person.identifier] = person
        }
        return persons
    }

    private static func failure(_ response: HTTPResponse, service: String) -> RoutingError {
        let details = "HTTP \(response.status): \(response.text.prefix(500))"
        switch response.statusClass() {
        case .serverError, .rateLimited:
            return RoutingError(.serviceUnavailable, "\(service) answered \(response.status); retry later",
                                details: details)
        case .unauthorized, .forbidden:
            return RoutingError(.notAuthorized, "\(service) refused the token; check the client's KRR scopes",
                                details: details)
        default:
            return RoutingError(.malformedResponse, "\(service) answered an unexpected \(response.status)",
                                details: details)
        }
    }
}
