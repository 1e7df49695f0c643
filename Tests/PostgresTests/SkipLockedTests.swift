import Postgres
import Testing
import TestSupport

@Suite("FOR UPDATE SKIP LOCKED shares work between sessions")
struct SkipLockedTests {
    @Test("two sessions claiming batches at the same time get disjoint rows")
    func disjointClaims() throws {
        try TestDatabase.withSchema { first, schema in
            try first.execute("CREATE TABLE letters (id bigint PRIMARY KEY, state text NOT NULL)")
            try first.execute("INSERT INTO letters SELECT g, 'queued' FROM generate_series(1, 100) AS g")
            let second = try TestDatabase.connect(schema: schema)
            let claim: SQL = """
                SELECT id FROM letters WHERE state = \("queued") ORDER BY id LIMIT \(30) FOR UPDATE SKIP LOCKED
                """
            let (a, b) = try first.transaction { first in
                let a = try first.query(claim).map { try $0.decode("id", as: Int64.self) }
                let b = try second.transaction { second in
                    try second.query(claim).map { try $0.decode("id", as: Int64.self) }
                }
                return (a, b)
            }
            #expect(a.count == 30)
            #expect(b.count == 30)
            #expect(Set(a).isDisjoint(with: b))
            #expect(a == Array(1...30))
        }
    }
}
