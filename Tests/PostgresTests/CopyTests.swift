import Foundation
import Postgres
import Testing
import TestSupport

@Suite("COPY FROM STDIN streams rows in text format")
struct CopyTests {
    @Test("a million rows arrive complete: count and sums match")
    func millionRows() throws {
        try TestDatabase.withSchema { connection, _ in
            try connection.execute("CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL, amount integer)")
            let total = 1_000_000
            let copied = try connection.copy(into: "t", columns: ["id", "name", "amount"]) { writer in
                for id in 1...total {
                    try writer.append([Int64(id), "name \(id)", Int32(id % 1000)])
                }
            }
            #expect(copied == total)
            let row = try #require(try connection.query("""
                SELECT count(*) AS n, sum(id) AS ids, sum(amount) AS amounts, sum(length(name)) AS lengths FROM t
                """).first)
            #expect(try row.decode("n", as: Int.self) == total)
            #expect(try row.decode("ids", as: Int.self) == total * (total + 1) / 2)
            #expect(try row.decode("amounts", as: Int.self) == (1...total).reduce(0) { $0 + $1 % 1000 })
            #expect(try row.decode("lengths", as: Int.self) == (1...total).reduce(0) { $0 + 5 + String($1).count })
        }
    }

    @Test("awkward values, NULLs and every type survive COPY exactly")
    func awkwardValues() throws {
        try TestDatabase.withSchema { connection, schema in
            try connection.execute("""
                CREATE TABLE t (n int, s text, b bytea, texts text[], ts timestamptz, j jsonb, u uuid, ok bool)
                """)
            let strings = ["tab\there", "line\nbreak", "cr\rhere", "back\\slash", "\\N", "\\.", "ünï 🎉", ""]
            let bytes = Data((0...255).map(UInt8.init))
            let date = Date(timeIntervalSince1970: 1_700_000_000.000001)
            let id = UUID()
            let rows: [[any PostgresEncodable]] = strings.enumerated().map { index, string in
                [Int32(index), string, bytes, [string, nil, "x,y"], date, JSONB(["k": string]), id, true]
            } + [[Int32(99), String?.none, Data?.none, [String]?.none, Date?.none, JSONB<[String: String]>?.none,
                  UUID?.none, Bool?.none]]
            #expect(try connection.copy(into: "t", schema: schema, columns: ["n", "s", "b", "texts", "ts", "j", "u",
                                                                             "ok"], rows: rows) == rows.count)
            let read = try connection.query("SELECT * FROM t ORDER BY n")
            for (row, string) in zip(read, strings) {
                #expect(try row.decode("s", as: String.self) == string)
                #expect(try row.decode("b", as: Data.self) == bytes)
                #expect(try row.decode("texts", as: [String?].self) == [string, nil, "x,y"])
                #expect(try row.decode("ts", as: Date.self).timeIntervalSince1970 * 1e6 .rounded()
                        == (date.timeIntervalSince1970 * 1e6).rounded())
                #expect(try row.decode("j", as: JSONB<[String: String]>.self).value == ["k": string])
                #expect(try row.decode("u", as: UUID.self) == id)
            }
            let last = try #require(read.last)
            for column in ["s", "b", "texts", "ts", "j", "u", "ok"] { #expect(last.isNull(column), "\(column)") }
        }
    }

    @Test("a row that violates a constraint fails the COPY with its SQLSTATE; the connection stays usable")
    func badRow() throws {
        try TestDatabase.withSchema { connection, _ in
            try connection.execute("CREATE TABLE t (id bigint PRIMARY KEY)")
            let rows: [[any PostgresEncodable]] = (1...100_000).map { [Int64($0 == 50_000 ? 7 : $0)] }
            let error = try #require(throws: PostgresError.self) {
                try connection.copy(into: "t", columns: ["id"], rows: rows)
            }
            #expect(error.sqlState == "23505")
            #expect(error.disposition == .reject)
            #expect(error.description.contains("t_pkey"))
            #expect(try connection.query("SELECT count(*) AS n FROM t").first?.decode("n", as: Int.self) == 0)
        }
    }

    @Test("an error thrown while writing cancels the COPY, stores nothing, and is rethrown")
    func writerThrows() throws {
        struct Stop: Error {}
        try TestDatabase.withSchema { connection, _ in
            try connection.execute("CREATE TABLE t (id bigint)")
            #expect(throws: Stop.self) {
                try connection.copy(into: "t", columns: ["id"]) { writer in
                    for id in 1...200_000 { try writer.append(Int64(id)) }
                    throw Stop()
                }
            }
            #expect(try connection.query("SELECT count(*) AS n FROM t").first?.decode("n", as: Int.self) == 0)
        }
    }

    @Test("a wrong column count, an unknown table or COPY through execute is a clear error")
    func misuse() throws {
        try TestDatabase.withSchema { connection, _ in
            try connection.execute("CREATE TABLE t (id bigint)")
            let wrongCount = try #require(throws: PostgresError.self) {
                try connection.copy(into: "t", columns: ["id"], rows: [[Int64(1), "extra"]])
            }
            #expect(wrongCount.code == .invalidUse)
            let noTable = try #require(throws: PostgresError.self) {
                try connection.copy(into: "missing", columns: ["id"], rows: [[Int64(1)]])
            }
            #expect(noTable.sqlState == "42P01")
            for statement: SQL in ["COPY t FROM STDIN", "COPY (SELECT generate_series(1, 100000)) TO STDOUT"] {
                let error = try #require(throws: PostgresError.self) { try connection.execute(statement) }
                #expect(error.code == .invalidUse)
            }
            #expect(try connection.execute("INSERT INTO t VALUES (\(1))") == 1, "the connection is still usable")
        }
    }
}
