import Foundation
import HTTP

extension JSONEncoder {
    /// The encoder for every JSON body the simulator writes: `/` unescaped, keys in a stable order.
    static var simulator: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }
}

extension HTTPResponse {
    /// A `200 OK` (or `status`) response with a JSON body.
    static func json(_ body: Data, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
    }
}
