import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Values survive a round trip through PostgreSQL")
struct ValueRoundTripTests {
    struct Payload: Codable, Equatable {
        var name: String
        var count: Int
        var tags: [String]
    }

    static let awkwardStrings: [String?] = [
        "a,b", "with \"quote\"", "back\\slash", "", "NULL", nil, "{braces}", " spaces ", "tab\tnew\nline\rcr",
        "ünïcødé 🎉 æøå", "'; drop table x; --",
    ]

    @Test("every supported type, including NULL, reads back equal")
    func everyType() throws {
        try TestDatabase.withSchema { connection, _ in
            try connection.execute("""
                CREATE TABLE t (n int PRIMARY KEY, s text, i8 bigint, i4 integer, b boolean, d double precision,
                    ts timestamptz, u uuid, bytes bytea, j jsonb, texts text[], ints bigint[])
                """)
            let date = Date(timeIntervalSince1970: 1_767_225_600.123456)
            let id = UUID()
            let payload = Payload(name: "Åse \"quoted\"", count: 3, tags: ["x", "y"])
            let bytes = Data((0...255).map(UInt8.init))
            let ints: [Int64?] = [1, nil, .min, .max]
            try connection.execute("""
                INSERT INTO t VALUES (1, \("Grüße, 世界 🎉"), \(Int64.max), \(Int32.min), \(true), \(-1.5e-300),
                    \(date), \(id), \(bytes), \(json: payload), \(Self.awkwardStrings), \(ints))
                """)
            let none: String? = nil
            try connection.execute("""
                INSERT INTO t VALUES (2, \(none), \(Int64?.none), \(Int32?.none), \(Bool?.none),
                    \(Double?.none), \(Date?.none), \(UUID?.none), \(Data?.none), \(JSONB<Payload>?.none),
                    \([String]?.none), \([Int64]?.none))
                """)

            let rows = try connection.query("SELECT * FROM t ORDER BY n")
            #expect(rows.count == 2)
            let row = try #require(rows.first)
            #expect(try row.decode("s", as: String.self) == "Grüße, 世界 🎉")
            #expect(try row.decode("i8", as: Int64.self) == .max)
            #expect(try row.decode("i4", as: Int32.self) == .min)
            #expect(try row.decode("b", as: Bool.self))
            #expect(try row.decode("d", as: Double.self) == -1.5e-300)
            #expect(microseconds(try row.decode("ts", as: Date.self)) == microseconds(date))
            #expect(try row.decode("u", as: UUID.self) == id)
            #expect(try row.decode("bytes", as: Data.self) == bytes)
            #expect(try row.decode("j", as: JSONB<Payload>.self).value == payload)
            #expect(try row.decode("texts", as: [String?].self) == Self.awkwardStrings)
            #expect(try row.decode("ints", as: [Int64?].self) == ints)
            #expect(try row.decode(0, as: Int.self) == 1)

            let nulls = rows[1]
            for column in rows.columns.dropFirst() { #expect(nulls.isNull(column), "column \(column)") }
            #expect(try nulls.decode("s", as: String?.self) == nil)
            #expect(try nulls.decode("ts", as: Date?.self) == nil)
            #expect(try nulls.decode("texts", as: [String]?.self) == nil)
            #expect(try nulls.decode("j", as: JSONB<Payload>?.self) == nil)
        }
    }

    @Test("the server sees the values themselves: bytea length and bytes, jsonb fields, array elements")
    func serverSeesValues() throws {
        let connection = try Connection(try TestDatabase.serverURL())
        let bytes = Data((0...255).map(UInt8.init))
        let row = try #require(try connection.query("""
            SELECT length(\(bytes)) AS length, get_byte(\(bytes), 0) AS first, get_byte(\(bytes), 255) AS last,
                \(json: Payload(name: "ø", count: 7, tags: [])) ->> 'name' AS name,
                cardinality(\(Self.awkwardStrings)) AS count, (\(Self.awkwardStrings))[2] AS second,
                (\(Self.awkwardStrings))[6] IS NULL AS sixth_is_null,
                \(bytea: Array(0...255)) = \(bytes) AS same_bytes, '[0:2]={7,NULL,9}'::bigint[] AS bounded,
                ARRAY['plain', NULL, 'two words', '', 'null'] AS server_made
            """).first)
        #expect(try row.decode("bounded", as: [Int64?].self) == [7, nil, 9])
        #expect(try row.decode("server_made", as: [String?].self) == ["plain", nil, "two words", "", "null"])
        #expect(try row.decode("same_bytes", as: Bool.self))
        #expect(try row.decode("length", as: Int.self) == 256)
        #expect(try row.decode("first", as: Int.self) == 0)
        #expect(try row.decode("last", as: Int.self) == 255)
        #expect(try row.decode("name", as: String.self) == "ø")
        #expect(try row.decode("count", as: Int.self) == Self.awkwardStrings.count)
        #expect(try row.decode("second", as: String.self) == "with \"quote\"")
        #expect(try row.decode("sixth_is_null", as: Bool.self))
    }

    @Test("timestamps keep microseconds, before and after 1970, in UTC ISO text")
    func timestamps() throws {
        let connection = try Connection(try TestDatabase.serverURL())
        let cases: [(text: String, micros: Int64)] = [
            ("2026-01-02 03:04:05.678901+00", 1_767_323_045_678_901),
            ("1969-12-31 23:59:59.999999+00", -1),
            ("2000-02-29 12:00:00+01", 951_822_000_000_000),
            ("1900-03-01 00:00:00.000001+00", -2_203_891_200_000_000 + 1),
        ]
        for (text, micros) in cases {
            let query: SQL = "SELECT \(text)::timestamptz AS ts, \(text)::timestamptz::text AS iso"
            let row = try #require(try connection.query(query).first)
            #expect(microseconds(try row.decode("ts", as: Date.self)) == micros, "\(text)")
            let date = Date(timeIntervalSince1970: Double(micros) / 1e6)
            let echoed = try #require(try connection.query("SELECT \(date) = \(text)::timestamptz AS same").first)
            #expect(try echoed.decode("same", as: Bool.self), "\(text)")
            #expect(try row.decode("iso", as: String.self).hasSuffix("+00"), "session time zone is UTC")
        }
    }

    @Test("an injection attempt through interpolation is stored as a plain value")
    func injectionStaysAValue() throws {
        try TestDatabase.withSchema { connection, _ in
            let table = "we\"ird ta'ble"
            try connection.execute("CREATE TABLE \(identifier: table) (name text)")
            let evil = "'); drop table \"we\"\"ird ta'ble\"; --"
            try connection.execute("INSERT INTO \(identifier: table) (name) VALUES (\(evil))")
            let rows = try connection.query("SELECT name FROM \(identifier: table) WHERE name = \(evil)")
            #expect(rows.count == 1)
            #expect(try rows.first?.decode("name", as: String.self) == evil)
        }
    }

    @Test("nested SQL fragments renumber their parameters")
    func nestedFragments() throws {
        let connection = try Connection(try TestDatabase.serverURL())
        let condition: SQL = "x > \(2) AND x < \(5)"
        let rows = try connection.query("SELECT x FROM generate_series(\(1), \(10)) AS x WHERE \(condition) ORDER BY x")
        #expect(try rows.map { try $0.decode("x", as: Int.self) } == [3, 4])
    }

    @Test("a string with a NUL character is refused before it reaches the server")
    func nulCharacterIsRefused() throws {
        let connection = try Connection(try TestDatabase.serverURL())
        let error = try #require(throws: PostgresError.self) { try connection.query("SELECT \("a\u{0}b")") }
        #expect(error.code == .encodingFailed)
        #expect(error.disposition == .reject)
    }

    private func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1e6).rounded())
    }
}
