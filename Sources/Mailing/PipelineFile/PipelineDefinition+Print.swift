public import DPI

extension PipelineDefinition {
    /// Print for citizens who cannot get digital post (`print`, spec 5.4, 13).
    public struct Print: Codable, Sendable, Equatable {
        /// Whether to print; when false, those citizens become `unreachable` (default false).
        public let enabled: Bool
        /// `SORT_HVIT` (default) or `FARGE`.
        public let color: PrintMessage.Colour
        /// `B_OEKONOMI` (default) or `A_PRIORITERT`.
        public let postType: PostType
        /// `DIREKTE_RETUR` (default) or `MAKULERING_MED_MELDING`.
        public let returnHandling: PrintMessage.ReturnHandling
        /// Where undeliverable letters go; required when `enabled`.
        public let returnAddress: ReturnAddress?

        init(enabled: Bool = false, color: PrintMessage.Colour = .blackAndWhite, postType: PostType = .economy,
             returnHandling: PrintMessage.ReturnHandling = .directReturn, returnAddress: ReturnAddress? = nil) {
            self.enabled = enabled
            self.color = color
            self.postType = postType
            self.returnHandling = returnHandling
            self.returnAddress = returnAddress
        }

        enum CodingKeys: String, CodingKey {
            case enabled, color, postType, returnHandling, returnAddress
        }

        /// Reads the keys present, with the defaults above for the others; an unknown enum value is an
        /// error naming the allowed ones.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? false
            color = try Self.decode(.color, in: container, default: .blackAndWhite, PrintMessage.Colour.init)
            postType = try Self.decode(.postType, in: container, default: .economy, PostType.init(name:))
            returnHandling = try Self.decode(.returnHandling, in: container, default: .directReturn,
                                             PrintMessage.ReturnHandling.init)
            returnAddress = try container.decodeIfPresent(ReturnAddress.self, forKey: .returnAddress)
        }

        /// Writes the enum values as the file spells them.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(enabled, forKey: .enabled)
            try container.encode(color.rawValue, forKey: .color)
            try container.encode(postType.rawValue, forKey: .postType)
            try container.encode(returnHandling.rawValue, forKey: .returnHandling)
            try container.encodeIfPresent(returnAddress, forKey: .returnAddress)
        }

        private static let allowed: [CodingKeys: String] = [
            .color: "SORT_HVIT or FARGE", .postType: "B_OEKONOMI or A_PRIORITERT (or B, A)",
            .returnHandling: "DIREKTE_RETUR or MAKULERING_MED_MELDING",
        ]

        private static func decode<T>(_ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>,
                                      default value: T, _ make: (String) -> T?) throws -> T {
            guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return value }
            guard let parsed = make(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                       debugDescription: "must be \(allowed[key] ?? "known")")
            }
            return parsed
        }
    }

    /// Priority or economy post, named as in the pipeline file; `A` and `B` (the `posttype` values) are
    /// accepted too.
    public enum PostType: String, Sendable, Equatable {
        /// `A_PRIORITERT`: priority post (`posttype` `A`).
        case priority = "A_PRIORITERT"
        /// `B_OEKONOMI`: economy post (`posttype` `B`), the reference default.
        case economy = "B_OEKONOMI"

        init?(name: String) {
            switch name {
            case "A", Self.priority.rawValue: self = .priority
            case "B", Self.economy.rawValue: self = .economy
            default: return nil
            }
        }

        /// The `posttype` value of the `utskrift` message.
        public var messageValue: PrintMessage.PostType {
            self == .priority ? .a : .b
        }
    }

    /// The return address of print (`print.returnAddress`): Norwegian (`postalCode` and `city`) or
    /// foreign (`countryCode`, with postal code and city in an address line), as spec 5.4 requires.
    public struct ReturnAddress: Codable, Sendable, Equatable {
        /// The name on the address (required).
        public let name: String
        /// One to four lines of at most 100 characters.
        public let addressLines: [String]
        /// Four-digit Norwegian postal code; nil for a foreign address.
        public let postalCode: String?
        /// Norwegian city; nil for a foreign address.
        public let city: String?
        /// Two-letter country code of a foreign address; nil for Norway.
        public let countryCode: String?

        enum CodingKeys: String, CodingKey {
            case name, addressLines, postalCode, city, countryCode
        }

        /// Reads the keys present; missing ones are left empty for validation to report.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
            addressLines = try container.decodeIfPresent([String].self, forKey: .addressLines) ?? []
            postalCode = try container.decodeIfPresent(String.self, forKey: .postalCode)
            city = try container.decodeIfPresent(String.self, forKey: .city)
            countryCode = try container.decodeIfPresent(String.self, forKey: .countryCode)
        }

        /// The address as the `utskrift` message's `retur.mottaker`.
        public var postalAddress: PostalAddress {
            if let countryCode {
                return .foreign(name: name, lines: addressLines, countryCode: countryCode)
            }
            return PostalAddress(name: name, lines: addressLines, postalCode: postalCode, city: city)
        }
    }
}
