public import Foundation

extension DPIError.Code {
    /// A business message is not valid JSON or lacks a required field.
    public static let malformedBusinessMessage = DPIError.Code("malformed business message")
    /// A business message names a type DPI does not define.
    public static let unknownMessageType = DPIError.Code("unknown business message type")
    /// A message type this module reads but never writes (`flyttet`).
    public static let readOnlyMessageType = DPIError.Code("read-only business message type")
}

extension BusinessMessage {
    /// Compact UTF-8 JSON with keys in the order of the official examples and date-times as RFC 3339; `/` is
    /// not escaped (the examples' JWS payloads write `\/`, which is the same JSON).
    ///
    /// - Throws: `DPIError` `readOnlyMessageType` for `flyttet`, which only providers write.
    public func jsonData() throws -> Data {
        Data(try jsonBytes())
    }

    /// The JSON of `jsonData()` as an array of bytes, as the JWS signer encodes it. The body is written
    /// from where it lies in the message, without being copied into a box of its own first.
    func jsonBytes() throws -> [UInt8] {
        if case .moved = body {
            throw DPIError(.readOnlyMessageType,
                           "flyttet messages are exchanged between providers; senders only read them",
                           disposition: .abort)
        }
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.object("standardBusinessDocument") { json in
                json.member("standardBusinessDocumentHeader", header)
                json.key(type.rawValue)
                writeBody(to: &json)
            }
        }
        return json.bytes
    }

    private func writeBody(to json: inout JSONWriter) {
        switch body {
        case .digital(let message): message.write(to: &json)
        case .print(let message): message.write(to: &json)
        case .deliveryReceipt(let receipt), .openingReceipt(let receipt), .receptionReceipt(let receipt),
             .returnedMailReceipt(let receipt):
            receipt.write(to: &json)
        case .notificationFailedReceipt(let receipt): receipt.write(to: &json)
        case .error(let error): error.write(to: &json)
        case .moved: break   // refused by jsonBytes() before anything is written
        }
    }

    /// Reads a business message: unknown fields are ignored, the `type` is resolved case-insensitively
    /// (spec 2.4), and the body is looked up under that type's key.
    ///
    /// - Throws: `DPIError` `malformedBusinessMessage` (bad JSON, missing or ill-typed field, message id not a
    ///   UUID, `flyttet` written) or `unknownMessageType`.
    public init(jsonData: Data) throws {
        do {
            self = try JSONDecoder().decode(Document.self, from: jsonData).document.message
        } catch let error as DPIError {
            throw error
        } catch let error as DecodingError {
            throw DPIError(.malformedBusinessMessage, "business message JSON does not match the DPI schema at "
                + Self.path(of: error), details: String(describing: error))
        } catch {
            throw DPIError(.malformedBusinessMessage, "business message is not JSON", details: "\(error)")
        }
    }

    private static func path(of error: DecodingError) -> String {
        let (context, key): (DecodingError.Context, CodingKey?) = switch error {
        case .keyNotFound(let key, let context): (context, key)
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): (context, nil)
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), nil)
        }
        let path = (context.codingPath + (key.map { [$0] } ?? [])).map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? "the top level" : path
    }

    private struct Document: Decodable {
        let document: Envelope

        enum CodingKeys: String, CodingKey { case document = "standardBusinessDocument" }
    }

    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private struct Envelope: Decodable {
        let message: BusinessMessage

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            let header = try container.decode(StandardBusinessDocumentHeader.self,
                                              forKey: AnyKey(stringValue: "standardBusinessDocumentHeader"))
            let written = header.documentIdentification.type
            guard let type = BusinessMessageType(caseInsensitive: written) else {
                throw DPIError(.unknownMessageType, "documentIdentification.type is not a DPI message type",
                               field: "standardBusinessDocumentHeader.documentIdentification.type", details: written)
            }
            guard UUID(uuidString: header.documentIdentification.instanceIdentifier) != nil else {
                throw DPIError(.malformedBusinessMessage, "message id is not a UUID",
                               field: "standardBusinessDocumentHeader.documentIdentification.instanceIdentifier")
            }
            guard let key = container.allKeys.first(where: { $0.stringValue.lowercased() == type.rawValue }) else {
                throw DPIError(.malformedBusinessMessage, "no body under the key named by the type \(type.rawValue)",
                               field: "standardBusinessDocument.\(type.rawValue)")
            }
            message = BusinessMessage(header: header, body: try Self.body(type, container, key))
        }

        private static func body(_ type: BusinessMessageType, _ container: KeyedDecodingContainer<AnyKey>,
                                 _ key: AnyKey) throws -> Body {
            switch type {
            case .digital: .digital(try container.decode(DigitalMessage.self, forKey: key))
            case .utskrift: .print(try container.decode(PrintMessage.self, forKey: key))
            case .leveringskvittering: .deliveryReceipt(try container.decode(Receipt.self, forKey: key))
            case .aapningskvittering: .openingReceipt(try container.decode(Receipt.self, forKey: key))
            case .mottakskvittering: .receptionReceipt(try container.decode(Receipt.self, forKey: key))
            case .returpostkvittering: .returnedMailReceipt(try container.decode(Receipt.self, forKey: key))
            case .varslingfeiletkvittering:
                .notificationFailedReceipt(try container.decode(NotificationFailedReceipt.self, forKey: key))
            case .feil: .error(try container.decode(ErrorMessage.self, forKey: key))
            case .flyttet: .moved(try container.decode(MovedMessage.self, forKey: key))
            }
        }
    }
}
