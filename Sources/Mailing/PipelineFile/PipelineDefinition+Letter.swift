extension PipelineDefinition {
    /// The letter every recipient gets (`letter`): titles, documents and the `digital` message's
    /// options (spec 5.3, 14).
    public struct Letter: Codable, Sendable, Equatable {
        /// The main document's title, shown after login (required, 1–255 characters).
        public let title: String
        /// The title shown before login and in notifications; nothing sensitive (required, 1–255).
        public let nonSensitiveTitle: String
        /// Two-letter ISO 639-1 language code (default `NO`).
        public let language: String
        /// The main document's path; nil when every recipient has a `document_path` of their own.
        public let document: String?
        /// Further documents, in order (default none).
        public let attachments: [Attachment]
        /// Authentication level needed to open the letter, 3 or 4 (default 4, the stricter).
        public let securityLevel: Int
        /// Whether to request an opening receipt (default false; priced).
        public let openingReceipt: Bool
        /// When the letters become visible, RFC 3339 (`2027-03-01T08:00:00+01:00`); nil for at once.
        public let effectiveAt: String?
        /// Sender-controlled notification texts (default none: the citizen's own settings apply).
        public let notifications: NotificationTexts

        init(title: String = "", nonSensitiveTitle: String = "", language: String = "NO", document: String? = nil,
             attachments: [Attachment] = [], securityLevel: Int = 4, openingReceipt: Bool = false,
             effectiveAt: String? = nil, notifications: NotificationTexts = NotificationTexts()) {
            self.title = title
            self.nonSensitiveTitle = nonSensitiveTitle
            self.language = language
            self.document = document
            self.attachments = attachments
            self.securityLevel = securityLevel
            self.openingReceipt = openingReceipt
            self.effectiveAt = effectiveAt
            self.notifications = notifications
        }

        enum CodingKeys: String, CodingKey {
            case title, nonSensitiveTitle, language, document, attachments, securityLevel, openingReceipt
            case effectiveAt, notifications
        }

        /// Reads the keys present, with the defaults above for the others.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Letter()
            title = try container.decodeIfPresent(String.self, forKey: .title) ?? defaults.title
            nonSensitiveTitle = try container.decodeIfPresent(String.self, forKey: .nonSensitiveTitle)
                ?? defaults.nonSensitiveTitle
            language = try container.decodeIfPresent(String.self, forKey: .language) ?? defaults.language
            document = try container.decodeIfPresent(String.self, forKey: .document)
            attachments = try container.decodeIfPresent([Attachment].self, forKey: .attachments) ?? []
            securityLevel = try container.decodeIfPresent(Int.self, forKey: .securityLevel) ?? defaults.securityLevel
            openingReceipt = try container.decodeIfPresent(Bool.self, forKey: .openingReceipt) ?? false
            effectiveAt = try container.decodeIfPresent(String.self, forKey: .effectiveAt)
            notifications = try container.decodeIfPresent(NotificationTexts.self, forKey: .notifications)
                ?? defaults.notifications
        }
    }

    /// A further document of the letter: `{"document": "vedlegg.pdf", "title": "Vedlegg", "mimeType": null}`.
    /// The MIME type follows from the file extension (spec 7.5) unless `mimeType` names one of the
    /// allowed types explicitly (for types without an extension of their own, such as the DPI extensions).
    public struct Attachment: Codable, Sendable, Equatable {
        /// The file's path (required).
        public let document: String
        /// The title shown after login (required, 1–255 characters).
        public let title: String
        /// An explicit MIME type; nil to take it from the extension.
        public let mimeType: String?

        enum CodingKeys: String, CodingKey {
            case document, title, mimeType
        }

        /// Reads the keys present; missing required ones are left empty for validation to report.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            document = try container.decodeIfPresent(String.self, forKey: .document) ?? ""
            title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
            mimeType = try container.decodeIfPresent(String.self, forKey: .mimeType)
        }
    }

    /// The texts of sender-controlled notifications (spec 14); the addresses come from KRR per citizen.
    public struct NotificationTexts: Codable, Sendable, Equatable {
        /// The e-mail text (1–500 characters, no personal data); nil for no e-mail notice.
        public let email: String?
        /// The SMS text (1–160 characters, no personal data; priced); nil for no SMS notice.
        public let sms: String?
        /// Days after the effective date to notify on (1–10 unique values 0–25; default `[0, 7]`).
        public let repetitions: [Int]

        init(email: String? = nil, sms: String? = nil, repetitions: [Int] = [0, 7]) {
            self.email = email
            self.sms = sms
            self.repetitions = repetitions
        }

        enum CodingKeys: String, CodingKey {
            case email, sms, repetitions
        }

        /// Reads the keys present, with the defaults above for the others.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            email = try container.decodeIfPresent(String.self, forKey: .email)
            sms = try container.decodeIfPresent(String.self, forKey: .sms)
            repetitions = try container.decodeIfPresent([Int].self, forKey: .repetitions) ?? [0, 7]
        }
    }
}
