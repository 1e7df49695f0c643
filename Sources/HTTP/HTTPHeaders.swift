/// An ordered list of HTTP header fields with case-insensitive lookup. Names keep the spelling they
/// were given; a name may occur several times (for example `Set-Cookie`), so lookups can return all values.
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// One header field as it appears on the wire.
    public struct Field: Sendable, Equatable {
        /// The field name, spelled as given.
        public var name: String
        /// The field value, without surrounding whitespace.
        public var value: String
    }

    private var fields: [Field] = []

    /// An empty header list.
    public init() {}

    /// Headers from `(name, value)` pairs, in order; repeated names are kept.
    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    /// Headers from a literal such as `["Content-Type": "application/json"]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// Adds a field after the existing ones, keeping any earlier field of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Removes every field named `name` (any case) and adds one with `value`.
    public mutating func replaceOrAdd(name: String, value: String) {
        remove(name: name)
        add(name: name, value: value)
    }

    /// Removes every field named `name`, compared without regard to case.
    public mutating func remove(name: String) {
        fields.removeAll { Self.sameName($0.name, name) }
    }

    /// All values of the fields named `name`, in order, compared without regard to case.
    public subscript(name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// The first value of the field named `name`, or nil when there is none.
    public func first(name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }

    /// Whether a field named `name` is present.
    public func contains(name: String) -> Bool {
        fields.contains { Self.sameName($0.name, name) }
    }

    /// The number of fields, repeated names counted each time.
    public var count: Int { fields.count }

    /// Iterates over the fields in order.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    private static func sameName(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.lowercased() == b.lowercased()
    }
}

extension HTTPHeaders {
    /// Appends a continuation (an obsolete folded header line) to the last field's value.
    mutating func appendToLastValue(_ continuation: String) {
        guard !fields.isEmpty else { return }
        fields[fields.count - 1].value += " " + continuation
    }

    /// RFC 9110 tchar: the bytes allowed in a method or header name.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
