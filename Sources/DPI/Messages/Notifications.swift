/// Sender-controlled notifications of a digital letter (`varsler`, spec 14): an e-mail and/or an SMS,
/// repeated on given days after the effective date. Empty (`{}`) means the citizen's own settings apply.
public struct Notifications: Hashable, Sendable, Decodable {
    /// The e-mail notification (`epostvarsel`).
    public var email: EmailNotification?
    /// The SMS notification (`smsvarsel`, priced).
    public var sms: SMSNotification?

    /// Notifications on the given channels; none gives the `{}` of the official examples.
    public init(email: EmailNotification? = nil, sms: SMSNotification? = nil) {
        self.email = email
        self.sms = sms
    }

    enum CodingKeys: String, CodingKey {
        case email = "epostvarsel"
        case sms = "smsvarsel"
    }
}

/// An e-mail notification (`epostvarsel`): address from KRR, a text of 1–500 characters without personal
/// data, and the days after the effective date to send it on (`repetisjoner`, 0 = same day).
public struct EmailNotification: Hashable, Sendable, Decodable {
    /// The e-mail address (`epostadresse`).
    public var address: String
    /// The text (`varslingstekst`, 1–500 characters, no personal or sensitive data).
    public var text: String
    /// Days after the effective date (`repetisjoner`: 1–10 unique values 0–25).
    public var repetitions: [Int]

    /// A notification from its parts; the reference implementation repeats on `[0, 7]`.
    public init(address: String, text: String, repetitions: [Int] = [0, 7]) {
        self.address = address
        self.text = text
        self.repetitions = repetitions
    }

    enum CodingKeys: String, CodingKey {
        case address = "epostadresse"
        case text = "varslingstekst"
        case repetitions = "repetisjoner"
    }
}

/// An SMS notification (`smsvarsel`): mobile number from KRR, a text of 1–160 characters without personal
/// data, and the days after the effective date to send it on.
public struct SMSNotification: Hashable, Sendable, Decodable {
    /// The mobile number (`mobiltelefonnummer`, 8–20 characters of `+`, digits, space, `-`, `_`).
    public var phoneNumber: String
    /// The text (`varslingstekst`, 1–160 characters, no personal or sensitive data).
    public var text: String
    /// Days after the effective date (`repetisjoner`: 1–10 unique values 0–25).
    public var repetitions: [Int]

    /// A notification from its parts; the reference implementation repeats on `[0, 7]`.
    public init(phoneNumber: String, text: String, repetitions: [Int] = [0, 7]) {
        self.phoneNumber = phoneNumber
        self.text = text
        self.repetitions = repetitions
    }

    enum CodingKeys: String, CodingKey {
        case phoneNumber = "mobiltelefonnummer"
        case text = "varslingstekst"
        case repetitions = "repetisjoner"
    }
}

extension Notifications: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            if let email {
                json.object("epostvarsel") { json in
                    json.member("epostadresse", email.address)
                    json.member("varslingstekst", email.text)
                    json.array("repetisjoner", email.repetitions) { json, day in json.integer(day) }
                }
            }
            if let sms {
                json.object("smsvarsel") { json in
                    json.member("mobiltelefonnummer", sms.phoneNumber)
                    json.member("varslingstekst", sms.text)
                    json.array("repetisjoner", sms.repetitions) { json, day in json.integer(day) }
                }
            }
        }
    }
}
