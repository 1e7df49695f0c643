/// The outcome of a KRR lookup: a record per person KRR knows, and the ids KRR refused as malformed.
/// An id in neither is unknown to KRR (spec 4.1), which routing treats as `unknown`.
public struct KRRLookup: Sendable, Equatable {
    /// KRR's records by person id.
    public var persons: [String: KRRPerson]
    /// Ids KRR refused with 400 even alone: their letters are rejected, not routed.
    public var invalidIdentifiers: Set<String>

    /// A lookup outcome; empty by default.
    public init(persons: [String: KRRPerson] = [:], invalidIdentifiers: Set<String> = []) {
        self.persons = persons
        self.invalidIdentifiers = invalidIdentifiers
    }

    /// The record of `identifier`, or nil when KRR does not know the person.
    public subscript(identifier: String) -> KRRPerson? {
        persons[identifier]
    }

    /// Adds the records and refused ids of `other`.
    public mutating func merge(_ other: KRRLookup) {
        persons.merge(other.persons) { _, new in new }
        invalidIdentifiers.formUnion(other.invalidIdentifiers)
    }
}
