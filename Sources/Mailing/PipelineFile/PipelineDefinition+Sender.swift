extension PipelineDefinition {
    /// Who sends (`sender`): the organisation of the keystore and, when it is a Databehandler, the
    /// organisation the letters are sent for.
    public struct Sender: Codable, Sendable, Equatable {
        /// The organisation number of the keystore's enterprise certificate (required; nine digits).
        public let orgno: String
        /// The sender unit registered with the mailbox providers (`avsenderidentifikator`), if any.
        public let avsenderidentifikator: String?
        /// The organisation the letters are sent for when `orgno` is a Databehandler; nil otherwise.
        public let onBehalfOf: String?

        init(orgno: String = "", avsenderidentifikator: String? = nil, onBehalfOf: String? = nil) {
            self.orgno = orgno
            self.avsenderidentifikator = avsenderidentifikator
            self.onBehalfOf = onBehalfOf
        }

        enum CodingKeys: String, CodingKey {
            case orgno, avsenderidentifikator, onBehalfOf
        }

        /// Reads the keys present; a missing `orgno` is left empty for validation to report.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            orgno = try container.decodeIfPresent(String.self, forKey: .orgno) ?? ""
            avsenderidentifikator = try container.decodeIfPresent(String.self, forKey: .avsenderidentifikator)
            onBehalfOf = try container.decodeIfPresent(String.self, forKey: .onBehalfOf)
        }
    }
}
