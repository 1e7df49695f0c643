import Foundation
@testable import Mailing
import Postgres
import Testing
import TestSupport

@Suite struct JobStoreTests {
    private func store(_ database: RunDatabase, lease: TimeInterval = 60) throws -> JobStore {
        JobStore(connection: try database.connect(), owner: .current(), leaseDuration: lease)
    }

    @Test func twoStoresClaimingTogetherGetDisjointLettersAndEveryLetterOnce() throws {
        try RunDatabase.with { database throws in
            let job = try database.job(recipients: 250)
            let first = try store(database), second = try store(database)
            var seen: [Int64] = []
            while true {
                let a = try first.claim(job: job, limit: 40), b = try second.claim(job: job, limit: 40)
                if a.isEmpty && b.isEmpty { break }
                seen += a.map(\.recipientId) + b.map(\.recipientId)
            }
            #expect(seen.count == 250)
            #expect(Set(seen).count == 250)
            #expect(try database.value("SELECT count(DISTINCT lease_owner) FROM dpi.delivery") == "2")
        }
    }

    @Test func anExpiredLeaseIsClaimedAgainAndALiveOneIsNot() throws {
        try RunDatabase.with { database throws in
            let job = try database.job(recipients: 3)
            // Two seconds: the second claim must come before the lease ends, even on a loaded machine.
            let short = try store(database, lease: 2), other = try store(database)
            #expect(try short.claim(job: job, limit: 10).count == 3)
            #expect(try other.claim(job: job, limit: 10).isEmpty)
            #expect(waitUntil(timeout: .seconds(30)) { (try? other.claim(job: job, limit: 10).count) == 3 })
        }
    }

    @Test func renewedLeasesStayWithTheirHolder() throws {
        try RunDatabase.with { database throws in
            let job = try database.job(recipients: 2)
            let holder = try store(database), other = try store(database)
            _ = try holder.claim(job: job, limit: 10)
            let expiry = "SELECT extract(epoch FROM min(lease_expires_at)) FROM dpi.delivery"
            let claimedUntil = try #require(Double(try database.value(expiry)))
            Thread.sleep(forTimeInterval: 0.05)
            #expect(try holder.renewLeases() == 2)
            #expect(try #require(Double(try database.value(expiry))) > claimedUntil, "renewing did not move the lease")
            #expect(try database.value("SELECT count(DISTINCT lease_owner) FROM dpi.delivery") == "1")
            #expect(try other.claim(job: job, limit: 10).isEmpty)
        }
    }

    @Test func leasesOfADeadProcessOnThisHostAreTakenOverAtOnce() throws {
        try RunDatabase.with { database throws in
            let job = try database.job(recipients: 5)
            let finished = try ChildProcess.succeed("/bin/sh", ["-c", "echo $$"])
            let deadPid = try #require(Int32(finished.text.trimmingCharacters(in: .whitespacesAndNewlines)))
            let dead = LeaseOwner(id: "\(ProcessInfo.processInfo.hostName)/\(deadPid)/deadbeef")
            #expect(dead.isDeadProcessOnThisHost)
            _ = try JobStore(connection: try database.connect(), owner: dead).claim(job: job, limit: 10)
            let living = LeaseOwner(id: "\(ProcessInfo.processInfo.hostName)/\(getpid())/cafe")
            #expect(!living.isDeadProcessOnThisHost)
            #expect(!LeaseOwner(id: "elsewhere.example/\(deadPid)/x").isDeadProcessOnThisHost)

            let successor = try store(database)
            #expect(try successor.claim(job: job, limit: 10).isEmpty)
            #expect(try successor.takeOverDeadLocalLeases(job: job) == 5)
            #expect(try successor.claim(job: job, limit: 10).count == 5)
        }
    }

    @Test func updatesMoveStatesForwardOnlyAndNeverReplaceIds() throws {
        try RunDatabase.with { database throws in
            let job = try database.job(recipients: 1)
            let store = try store(database)
            let letter = try #require(try store.claim(job: job, limit: 1).first)
            let (messageId, conversationId) = (UUID(), UUID())
            var routed = LetterUpdate(recipientId: letter.recipientId, state: "routed", keepsLease: true)
            routed.messageId = messageId
            routed.conversationId = conversationId
            routed.channel = "digital"
            #expect(try store.apply([routed]) == [letter.recipientId: "routed"])

            var rerouted = routed
            rerouted.messageId = UUID()
            rerouted.conversationId = UUID()
            try store.apply([rerouted])
            let submitted = LetterUpdate(recipientId: letter.recipientId, state: "submitted")
            _ = try database.value("UPDATE dpi.delivery SET state = 'delivered'")
            #expect(try store.apply([submitted]) == [letter.recipientId: "delivered"])
            #expect(try database.value("SELECT message_id FROM dpi.delivery") == messageId.uuidString.lowercased())
            #expect(try database.value("SELECT conversation_id FROM dpi.delivery")
                    == conversationId.uuidString.lowercased())
            #expect(try database.value("SELECT lease_owner IS NULL FROM dpi.delivery") == "t")
        }
    }

    @Test func aFinalStateIsNeverLeft() throws {
        try RunDatabase.with { database throws in
            let job = try database.job(recipients: 1)
            let store = try store(database)
            let id = try #require(try store.claim(job: job, limit: 1).first).recipientId
            var unreachable = LetterUpdate(recipientId: id, state: "unreachable")
            unreachable.error = "print needed but the row has no postal address"
            try store.apply([unreachable])
            #expect(try store.apply([LetterUpdate(recipientId: id, state: "submitted")]) == [id: "unreachable"])
            #expect(try database.value("SELECT error FROM dpi.delivery") == unreachable.error)
            #expect(try store.claim(job: job, limit: 1).isEmpty)
            #expect(try store.remainingWork(job: job).isDone)
        }
    }

    @Test func aScheduledRetryIsNotClaimedBeforeItsTime() throws {
        try RunDatabase.with { database throws in
            let job = try database.job(recipients: 1)
            let store = try store(database)
            let id = try #require(try store.claim(job: job, limit: 1).first).recipientId
            var retry = LetterUpdate(recipientId: id, state: "submitting")
            retry.nextAttemptAt = Date().addingTimeInterval(2)
            retry.attemptsAdded = 1
            try store.apply([retry])
            #expect(try store.claim(job: job, limit: 1).isEmpty)
            let remaining = try store.remainingWork(job: job)
            #expect(remaining.open == 1 && remaining.nextRetryAt != nil)
            var again: [ClaimedLetter] = []
            #expect(waitUntil(timeout: .seconds(30)) {
                again = (try? store.claim(job: job, limit: 1)) ?? []
                return !again.isEmpty
            })
            #expect(again.first?.attempts == 1 && again.first?.state == "submitting")
        }
    }

    @Test func theSharedBudgetNeverGrantsMoreThanItHolds() throws {
        try RunDatabase.with { database throws in
            let job = try database.job(recipients: 0)
            let first = try store(database), second = try store(database)
            try first.openBudget(job: job, burst: 10)
            try second.openBudget(job: job, burst: 10)
            var granted = 0
            for _ in 0..<10 {
                granted += try first.grantTokens(job: job, wanted: 3, ratePerSecond: 0, burst: 10).tokens
                granted += try second.grantTokens(job: job, wanted: 3, ratePerSecond: 0, burst: 10).tokens
            }
            #expect(granted == 10)
        }
    }

    @Test func aRecordedPauseStopsEveryGrantUntilItEnds() throws {
        try RunDatabase.with { database throws in
            let job = try database.job(recipients: 0)
            let store = try store(database)
            try store.openBudget(job: job, burst: 100)
            try store.pauseSending(job: job, for: 2)
            let paused = try store.grantTokens(job: job, wanted: 5, ratePerSecond: 1000, burst: 100)
            #expect(paused.tokens == 0 && paused.pausedFor > 0 && paused.pausedFor <= 2)
            #expect(waitUntil(timeout: .seconds(30)) {
                (try? store.grantTokens(job: job, wanted: 5, ratePerSecond: 1000, burst: 100).tokens) == 5
            })
        }
    }

    @Test func jobLifecycleRunningCompletedPausedAndDue() throws {
        try RunDatabase.with { database throws in
            let job = try database.job(recipients: 1)
            let store = try store(database)
            #expect(try store.dueJobs() == [job])
            #expect(try store.begin(job: job) == .ready)
            #expect(try store.state(of: job) == .running)
            #expect(try !store.completeIfDone(job: job))
            #expect(try store.transition(job: job, to: .paused, from: [.running]))
            #expect(try store.dueJobs().isEmpty)
            #expect(try store.begin(job: job) == .paused)
            let id = try #require(try store.claim(job: job, limit: 1).first).recipientId
            try store.apply([LetterUpdate(recipientId: id, state: "submitted")])
            #expect(try store.completeIfDone(job: job))
            #expect(try store.state(of: job) == .completed)
        }
    }
}
