/// The Standard Business Document Header of every DPI business message (spec 5.2): who sends to whom,
/// which message this is and which conversation it belongs to.
public struct StandardBusinessDocumentHeader: Hashable, Sendable, Decodable {
    /// One party of the header (`sender` / `receiver` item).
    public struct Partner: Hashable, Sendable, Decodable {
        /// The party's ISO 6523 identifier.
        public var identifier: OrganisationReference

        /// A partner from an identifier.
        public init(identifier: OrganisationReference) {
            self.identifier = identifier
        }
    }

    /// Which message this is (`documentIdentification`).
    public struct DocumentIdentification: Hashable, Sendable, Decodable {
        /// The standard URN of the type.
        public var standard: String
        /// Always `1.0`.
        public var typeVersion: String
        /// The message id: a new lowercase UUID per message, never reused.
        public var instanceIdentifier: String
        /// The message type as written (resolve with `BusinessMessageType(caseInsensitive:)`).
        public var type: String
        /// When the message was created.
        public var creationDateAndTime: Timestamp

        /// An identification from its parts.
        public init(standard: String, typeVersion: String = "1.0", instanceIdentifier: String, type: String,
                    creationDateAndTime: Timestamp) {
            self.standard = standard
            self.typeVersion = typeVersion
            self.instanceIdentifier = instanceIdentifier
            self.type = type
            self.creationDateAndTime = creationDateAndTime
        }
    }

    /// One business scope (`businessScope.scope` item); DPI uses exactly one, of type `ConversationId`.
    public struct Scope: Hashable, Sendable, Decodable {
        /// `ConversationId`.
        public var type: String
        /// The conversation id, shared by a letter and all its receipts.
        public var instanceIdentifier: String?
        /// The process identifier (`BusinessProcess`).
        public var identifier: String?
        /// Holds the expected response time (`scopeInformation[0].expectedResponseDateTime`).
        public var scopeInformation: [ScopeInformation]?

        /// A scope from its parts.
        public init(type: String, instanceIdentifier: String?, identifier: String?,
                    scopeInformation: [ScopeInformation]?) {
            self.type = type
            self.instanceIdentifier = instanceIdentifier
            self.identifier = identifier
            self.scopeInformation = scopeInformation
        }
    }

    /// Extra scope data: the delivery deadline after which the sender treats the letter as expired.
    public struct ScopeInformation: Hashable, Sendable, Decodable {
        /// The deadline for the delivery receipt.
        public var expectedResponseDateTime: Timestamp?

        /// Scope information with a deadline.
        public init(expectedResponseDateTime: Timestamp?) {
            self.expectedResponseDateTime = expectedResponseDateTime
        }
    }

    private struct BusinessScope: Decodable {
        let scope: [Scope]
    }

    /// Always `1.0`.
    public var headerVersion: String
    /// The technical sender (exactly one): the signer, Avsender or Databehandler.
    public var sender: [Partner]
    /// The receiving provider (exactly one).
    public var receiver: [Partner]
    /// Message id, type and creation time.
    public var documentIdentification: DocumentIdentification
    /// The scopes (`businessScope.scope`).
    public var scopes: [Scope]

    /// A header from its parts.
    public init(headerVersion: String = "1.0", sender: [Partner], receiver: [Partner],
                documentIdentification: DocumentIdentification, scopes: [Scope]) {
        self.headerVersion = headerVersion
        self.sender = sender
        self.receiver = receiver
        self.documentIdentification = documentIdentification
        self.scopes = scopes
    }

    enum CodingKeys: String, CodingKey {
        case headerVersion, sender, receiver, documentIdentification, businessScope
    }

    /// Decodes the JSON header, ignoring unknown fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        headerVersion = try container.decode(String.self, forKey: .headerVersion)
        sender = try container.decode([Partner].self, forKey: .sender)
        receiver = try container.decode([Partner].self, forKey: .receiver)
        documentIdentification = try container.decode(DocumentIdentification.self, forKey: .documentIdentification)
        scopes = try container.decode(BusinessScope.self, forKey: .businessScope).scope
    }

    /// The `ConversationId` scope, found case-insensitively.
    public var conversationScope: Scope? {
        scopes.first { $0.type.caseInsensitiveCompare("ConversationId") == .orderedSame }
    }
}

extension StandardBusinessDocumentHeader: JSONWritable {
    /// Keys in the order of the official examples (identifier `value` before `authority`).
    func write(to json: inout JSONWriter) {
        let identification = documentIdentification
        json.object { json in
            json.member("headerVersion", headerVersion)
            json.array("sender", sender, Self.writePartner)
            json.array("receiver", receiver, Self.writePartner)
            json.object("documentIdentification") { json in
                json.member("standard", identification.standard)
                json.member("typeVersion", identification.typeVersion)
                json.member("instanceIdentifier", identification.instanceIdentifier)
                json.member("type", identification.type)
                json.member("creationDateAndTime", identification.creationDateAndTime.description)
            }
            json.object("businessScope") { json in
                json.array("scope", scopes) { json, scope in scope.write(to: &json) }
            }
        }
    }

    private static func writePartner(to json: inout JSONWriter, _ partner: Partner) {
        json.object { json in
            json.key("identifier")
            partner.identifier.writeHeaderForm(to: &json)
        }
    }
}

extension StandardBusinessDocumentHeader.Scope: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("type", type)
            json.member("instanceIdentifier", instanceIdentifier)
            json.member("identifier", identifier)
            if let scopeInformation {
                json.array("scopeInformation", scopeInformation) { json, item in
                    json.object { json in
                        json.member("expectedResponseDateTime", item.expectedResponseDateTime?.description)
                    }
                }
            }
        }
    }
}
