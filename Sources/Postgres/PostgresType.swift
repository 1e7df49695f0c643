/// A PostgreSQL type, identified by its OID, sent along with each bind parameter.
///
/// Every bind parameter is sent in text format with the OID of its Swift type (`String` → `text`,
/// `Int` → `int8`, `Date` → `timestamptz`, ...), so the server never has to guess. Where a column has a
/// different type that has no implicit cast from it (an enum, say), cast in SQL: `\(state)::letter_state`.
public struct PostgresType: Hashable, Sendable {
    /// The type's OID as in `pg_type.oid`.
    public let oid: UInt32

    /// A type by OID, for conformances to `PostgresEncodable` outside this module.
    public init(oid: UInt32) { self.oid = oid }

    /// `bool`.
    public static let bool = PostgresType(oid: 16)
    /// `bytea`.
    public static let bytea = PostgresType(oid: 17)
    /// `int8` (`bigint`).
    public static let int8 = PostgresType(oid: 20)
    /// `int4` (`integer`).
    public static let int4 = PostgresType(oid: 23)
    /// `text`.
    public static let text = PostgresType(oid: 25)
    /// `float8` (`double precision`).
    public static let float8 = PostgresType(oid: 701)
    /// `timestamptz`.
    public static let timestamptz = PostgresType(oid: 1184)
    /// `uuid`.
    public static let uuid = PostgresType(oid: 2950)
    /// `jsonb`.
    public static let jsonb = PostgresType(oid: 3802)
    /// `bool[]`.
    public static let boolArray = PostgresType(oid: 1000)
    /// `bytea[]`.
    public static let byteaArray = PostgresType(oid: 1001)
    /// `int4[]`.
    public static let int4Array = PostgresType(oid: 1007)
    /// `text[]`.
    public static let textArray = PostgresType(oid: 1009)
    /// `int8[]`.
    public static let int8Array = PostgresType(oid: 1016)
    /// `float8[]`.
    public static let float8Array = PostgresType(oid: 1022)
    /// `timestamptz[]`.
    public static let timestamptzArray = PostgresType(oid: 1185)
    /// `uuid[]`.
    public static let uuidArray = PostgresType(oid: 2951)
    /// `jsonb[]`.
    public static let jsonbArray = PostgresType(oid: 3807)
}
