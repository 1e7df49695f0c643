import DPI
import Foundation
import HTTP

extension KRRSimulator {
    /// The body of a lookup: `{"personidentifikatorer":[...]}`, with the optional v2 flag that the simulator
    /// accepts and ignores (its meaning is undocumented, spec 18 item 15).
    private struct Lookup: Decodable {
        let personidentifikatorer: [String]
        let inkluderIkkeRegistrerte: Bool?
    }

    /// The identifiers of a lookup request, each a valid 11-digit person identifier (synthetic allowed),
    /// 1...1000 of them. Throws a 415 or 400 problem naming the broken rule and the entry's position.
    static func identifiers(in request: HTTPServerRequest) throws(ProblemDetails) -> [String] {
        let contentType = request.headers.first(name: "Content-Type") ?? ""
        guard contentType.lowercased().hasPrefix("application/json") else {
            throw ProblemDetails(status: 415, title: "Unsupported Media Type",
                                 detail: "the lookup body must be sent as application/json")
        }
        guard let lookup = try? JSONDecoder().decode(Lookup.self, from: request.body) else {
            throw .badRequest("the body must be {\"personidentifikatorer\": [\"<11 digits>\", ...]}")
        }
        let identifiers = lookup.personidentifikatorer
        guard (1...maximumIdentifiers).contains(identifiers.count) else {
            throw .badRequest("personidentifikatorer must hold 1 to \(maximumIdentifiers) entries, found "
                              + "\(identifiers.count)")
        }
        for (index, id) in identifiers.enumerated() {
            do {
                _ = try PersonIdentifier(id, allowSynthetic: true)
            } catch {
                throw .badRequest("personidentifikatorer[\(index)]: "
                                  + ((error as? DPIError)?.message ?? "invalid person identifier"))
            }
        }
        return identifiers
    }
}
