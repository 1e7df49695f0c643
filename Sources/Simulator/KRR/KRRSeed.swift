public import Foundation
import DPI

/// The people the simulated KRR knows, as a JSON seed file:
///
/// ```json
/// {"persons": [
///   {"id": "01884012345", "category": "digipost"},
///   {"id": "02884054321", "category": "eboks", "mailboxAddress": "0000487204",
///    "email": "kari@example.test", "mobile": "+4799999999", "language": "nn",
///    "certificate": "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"}
/// ]}
/// ```
///
/// `id` is an 11-digit person identifier (synthetic month + 40/+ 80 numbers are allowed) and `category`
/// one of `KRRCategory`'s raw values. The other members are optional; left out, they are derived from the
/// identifier (the certificate is the mailbox provider's), so the same seed always gives the same answers.
/// `certificate` is returned as `sertifikat` verbatim: the way to serve an expired or malformed mailbox
/// certificate (spec 17.2).
public struct KRRSeed: Sendable, Codable, Equatable {
    /// One person of the seed.
    public struct Person: Sendable, Codable, Equatable {
        /// The 11-digit person identifier (fødselsnummer or D-number).
        public var id: String
        /// What KRR answers for this person.
        public var category: KRRCategory
        /// The mailbox address (`digital_post.postkasseadresse`), for `digipost` and `eboks`.
        public var mailboxAddress: String?
        /// The e-mail address (`kontaktinformasjon.epostadresse`).
        public var email: String?
        /// The mobile number (`kontaktinformasjon.mobiltelefonnummer`), e.g. `+4799999999`.
        public var mobile: String?
        /// The preferred language (`spraak`), e.g. `nb`.
        public var language: String?
        /// The `sertifikat` text to return instead of the mailbox provider's certificate, verbatim.
        public var certificate: String?

        /// A person of `category` whose other fields are derived from `id`.
        public init(id: String, category: KRRCategory, mailboxAddress: String? = nil, email: String? = nil,
                    mobile: String? = nil, language: String? = nil, certificate: String? = nil) {
            self.id = id
            self.category = category
            self.mailboxAddress = mailboxAddress
            self.email = email
            self.mobile = mobile
            self.language = language
            self.certificate = certificate
        }
    }

    /// The people, in file order.
    public var persons: [Person]

    /// A seed of `persons`; checked when a `KRRSimulator` is made of it.
    public init(persons: [Person]) {
        self.persons = persons
    }

    /// Reads and checks a seed file. Throws `.seedNotReadable` when the file cannot be read and
    /// `.malformedSeed` when it is not the documented JSON or an entry breaks a rule.
    public init(contentsOf file: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw SimulatorError(.seedNotReadable, "the KRR seed file cannot be read; check the path",
                                 details: "\(file.path): \(error)")
        }
        do {
            self = try JSONDecoder().decode(KRRSeed.self, from: data)
        } catch {
            throw SimulatorError(.malformedSeed, "the KRR seed file is not {\"persons\":[{\"id\",\"category\"},...]}",
                                 details: "\(file.path): \(error)")
        }
        _ = try personsByID()
    }

    /// Writes the seed as JSON, one person per line with `id` and `category` first, so large seeds stay
    /// readable and diffable.
    public func write(to file: URL) throws {
        var text = #"{"persons": ["#
        for (index, person) in persons.enumerated() {
            // OrderedJSON, not JSONEncoder: Foundation on Linux does not keep declaration order.
            var object = OrderedJSON()
            object.add("id", person.id)
            object.add("category", person.category.rawValue)
            let optional = [("mailboxAddress", person.mailboxAddress), ("email", person.email),
                            ("mobile", person.mobile), ("language", person.language),
                            ("certificate", person.certificate)]
            for case let (key, value?) in optional {
                object.add(key, value)
            }
            text += (index == 0 ? "\n  " : ",\n  ") + object.text
        }
        text += "\n]}\n"
        try Data(text.utf8).write(to: file, options: .atomic)
    }

    /// The persons by identifier. Throws `.malformedSeed` for an invalid or repeated identifier, naming the
    /// entry's position (never the number).
    func personsByID() throws -> [String: Person] {
        var byID: [String: Person] = [:]
        byID.reserveCapacity(persons.count)
        for (index, person) in persons.enumerated() {
            do {
                _ = try PersonIdentifier(person.id, allowSynthetic: true)
            } catch {
                throw SimulatorError(.malformedSeed, "KRR seed person \(index): "
                                     + ((error as? DPIError)?.message ?? "invalid person identifier"))
            }
            guard byID.updateValue(person, forKey: person.id) == nil else {
                throw SimulatorError(.malformedSeed, "KRR seed person \(index) repeats an earlier identifier")
            }
        }
        return byID
    }
}
