import Foundation
@testable import PKI
import Testing
import TestSupport

/// The pooled OpenSSL contexts of a key (`KeyContextPool`): each goes back to the thread that used it, the
/// number kept is bounded, and signatures made through them stay right from any number of threads.
@Suite("Key context pool")
struct KeyContextPoolTests {
    @Test("an idle context goes back to the thread that used it; at the limit another thread's makes room")
    func idleContextsByThread() throws {
        let key = try PrivateKey(pem: TestPKI.data("sender.key.pem"))
        let pool = KeyContextPool.rsaSHA256Signing()
        let first = try #require(pool.take(for: key.pkey))
        let second = try #require(pool.take(for: key.pkey))
        let third = try #require(pool.take(for: key.pkey))
        var idle = IdleContexts()
        idle.keep(first, for: 1, limit: 2)
        idle.keep(second, for: 2, limit: 2)
        #expect(idle.take(for: 3) == nil, "a thread does not get another thread's context")
        #expect(idle.take(for: 1) === first)
        idle.keep(first, for: 1, limit: 2)
        idle.keep(third, for: 3, limit: 2)
        #expect(idle.take(for: 3) === third)
        let survivors = [idle.take(for: 1), idle.take(for: 2)].compactMap { $0 }
        #expect(survivors.count == 1, "one of the other threads' contexts was dropped to stay within the limit")
    }

    @Test("signatures stay right when more threads sign than the pool keeps contexts for")
    func manyThreadsSign() throws {
        let key = try PrivateKey(pem: TestPKI.data("sender.key.pem"))
        let certificate = try Certificate(pem: TestPKI.data("sender.cert.pem"))
        let threads = KeyContextPool.limit + 16
        let failures = ConcurrentCounter()
        let done = DispatchGroup()
        for index in 0..<threads {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                let message = Data("letter \(index)".utf8)
                let signature = try? key.signRSASHA256(message)
                if signature.map({ certificate.verifyRSASHA256(signature: $0, data: message) }) != true {
                    failures.increment()
                }
            }
        }
        done.wait()
        #expect(failures.value == 0)
        #expect(try certificate.verifyRSASHA256(signature: key.signRSASHA256(Data("after".utf8)),
                                                data: Data("after".utf8)))
    }
}
