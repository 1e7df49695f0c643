/// An organisation as ISO 6523 identifier (`virksomhetsidentifikator` in the business message, `identifier`
/// in the SBDH): authority `iso6523-actorid-upis` and value `0192:<orgno>`.
public struct OrganisationReference: Hashable, Sendable, Decodable {
    /// Always `iso6523-actorid-upis` in DPI.
    public var authority: String
    /// `0192:` followed by the organisation number.
    public var value: String

    /// The reference for a Norwegian organisation number.
    public init(_ organisation: OrganisationNumber) {
        authority = OrganisationNumber.authority
        value = organisation.iso6523
    }

    /// The organisation number in `value`, or nil when it is not a valid `0192:` number.
    public var organisationNumber: OrganisationNumber? { try? OrganisationNumber(value) }
}

extension OrganisationReference: JSONWritable {
    /// Business-message order (`authority`, `value`), as in the official examples.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("authority", authority)
            json.member("value", value)
        }
    }

    /// SBDH order (`value`, `authority`), as in the official examples.
    func writeHeaderForm(to json: inout JSONWriter) {
        json.object { json in
            json.member("value", value)
            json.member("authority", authority)
        }
    }
}
