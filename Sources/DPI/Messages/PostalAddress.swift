/// A postal address for print (`adresseInformasjon`, spec 5.4): either Norwegian (lines + 4-digit postal code
/// + city) or foreign (lines + exactly one of country name / ISO country code, with postal code and city
/// folded into an address line). `LetterValidation` checks which form it is.
public struct PostalAddress: Hashable, Sendable, Decodable {
    /// The recipient's name (`navn`).
    public var name: String
    /// One to four address lines (`adresselinje1`…`adresselinje4`, at most 100 characters each).
    public var lines: [String]
    /// Four-digit Norwegian postal code (`postnummer`); nil for foreign addresses.
    public var postalCode: String?
    /// Norwegian city (`poststed`, at most 80 characters); nil for foreign addresses.
    public var city: String?
    /// Country name for a foreign address (`land`, at most 80 characters).
    public var country: String?
    /// Two-letter country code for a foreign address (`landkode`).
    public var countryCode: String?

    /// A Norwegian address.
    public static func norwegian(name: String, lines: [String], postalCode: String, city: String) -> PostalAddress {
        PostalAddress(name: name, lines: lines, postalCode: postalCode, city: city)
    }

    /// A foreign address with a two-letter country code; put the postal code and city into a line.
    public static func foreign(name: String, lines: [String], countryCode: String) -> PostalAddress {
        PostalAddress(name: name, lines: lines, countryCode: countryCode)
    }

    /// A foreign address with a country name; put the postal code and city into a line.
    public static func foreign(name: String, lines: [String], country: String) -> PostalAddress {
        PostalAddress(name: name, lines: lines, country: country)
    }

    /// An address from its parts, as stored; validate it before use.
    public init(name: String, lines: [String], postalCode: String? = nil, city: String? = nil,
                country: String? = nil, countryCode: String? = nil) {
        self.name = name
        self.lines = lines
        self.postalCode = postalCode
        self.city = city
        self.country = country
        self.countryCode = countryCode
    }

    /// Whether this is meant as a Norwegian address (it has a postal code or a city).
    public var isNorwegian: Bool { postalCode != nil || city != nil }

    enum CodingKeys: String, CodingKey {
        case navn, adresselinje1, adresselinje2, adresselinje3, adresselinje4, postnummer, poststed, land, landkode
    }

    /// Decodes the JSON object, collecting the address lines in order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .navn) ?? ""
        lines = try [CodingKeys.adresselinje1, .adresselinje2, .adresselinje3, .adresselinje4].compactMap {
            try container.decodeIfPresent(String.self, forKey: $0)
        }
        postalCode = try container.decodeIfPresent(String.self, forKey: .postnummer)
        city = try container.decodeIfPresent(String.self, forKey: .poststed)
        country = try container.decodeIfPresent(String.self, forKey: .land)
        countryCode = try container.decodeIfPresent(String.self, forKey: .landkode)
    }
}

extension PostalAddress: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("navn", name)
            for (index, line) in lines.enumerated() {
                json.member("adresselinje\(index + 1)", line)
            }
            json.member("postnummer", postalCode)
            json.member("poststed", city)
            json.member("land", country)
            json.member("landkode", countryCode)
        }
    }
}
