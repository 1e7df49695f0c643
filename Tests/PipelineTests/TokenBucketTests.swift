import Foundation
import Pipeline
import Testing

/// Rate limiting: tokens at a steady rate, pauses for Retry-After, and tokens fed from a shared budget.
@Suite struct TokenBucketTests {
    /// Grants every token available at each step of `steps` steps of `step` seconds of fake time.
    private func grantedOver(steps: Int, of step: TimeInterval, bucket: TokenBucket, clock: FakeClock) -> [Int] {
        (0 ..< steps).map { _ in
            clock.advance(by: step)
            var granted = 0
            while bucket.tryAcquire() {
                granted += 1
            }
            return granted
        }
    }

    @Test("over 10 s of fake time at 128/s with a burst of 10, exactly the burst plus 1,280 tokens are granted")
    func rateBound() {
        // Steps of 1/128 s are exact in binary floating point, so every step brings exactly one token.
        let clock = FakeClock()
        let bucket = TokenBucket(ratePerSecond: 128, burst: 10, clock: clock.read)
        let atStart = grantedOver(steps: 1, of: 0, bucket: bucket, clock: clock)
        let perStep = grantedOver(steps: 1_280, of: 1.0 / 128, bucket: bucket, clock: clock)
        #expect(atStart == [10])
        #expect(perStep == Array(repeating: 1, count: 1_280))
    }

    @Test("an idle bucket saves at most its burst")
    func burstCapsSavedTokens() {
        let clock = FakeClock()
        let bucket = TokenBucket(ratePerSecond: 50, burst: 5, clock: clock.read)
        clock.advance(by: 3_600)
        #expect(bucket.available == 5)
        #expect(grantedOver(steps: 1, of: 0, bucket: bucket, clock: clock) == [5])
        clock.advance(by: 0.1)
        #expect(bucket.available == 5)
    }

    @Test("pause(until:) holds every acquirer until then, whatever tokens are saved; a later pause wins")
    func pauseUntil() {
        let clock = FakeClock()
        let bucket = TokenBucket(ratePerSecond: 10, burst: 10, clock: clock.read)
        bucket.pause(until: clock.read() + 5)
        bucket.pause(until: clock.read() + 2)
        #expect(!bucket.tryAcquire())
        clock.advance(by: 4.9)
        #expect(!bucket.tryAcquire())
        #expect(bucket.available == 10)
        clock.advance(by: 0.1)
        #expect(bucket.tryAcquire())
    }

    @Test("an externally fed bucket grants only deposited tokens and tells its feeder when it wants more")
    func externallyFed() {
        let clock = FakeClock()
        let bucket = TokenBucket(externallyFedWithCapacity: 3, clock: clock.read)
        #expect(bucket.wantsTokens && bucket.available == 0)
        clock.advance(by: 60)
        #expect(!bucket.tryAcquire())
        bucket.deposit(3)
        #expect(!bucket.wantsTokens && bucket.available == 3)
        #expect(grantedOver(steps: 1, of: 60, bucket: bucket, clock: clock) == [3])
        #expect(bucket.wantsTokens)
        bucket.deposit(5)
        #expect(bucket.available == 5, "a deposit past the capacity is kept, not lost")
    }

    @Test("a blocked acquire returns true once a token is deposited, and false once cancelled")
    func acquireBlocksUntilDepositOrCancellation() {
        let bucket = TokenBucket(externallyFedWithCapacity: 1)
        let cancellation = Cancellation()
        let first = Background { bucket.acquire(cancellation: cancellation) }
        #expect(first.result(within: .milliseconds(50)) == nil)
        bucket.deposit(1)
        #expect(first.result() == true)

        let second = Background { bucket.acquire(cancellation: cancellation) }
        #expect(second.result(within: .milliseconds(50)) == nil)
        cancellation.cancel("stopping")
        #expect(second.result() == false)
        bucket.deposit(1)
        #expect(!bucket.acquire(cancellation: cancellation), "a cancelled acquirer takes no token")
        #expect(bucket.available == 1)
    }

    @Test("a blocked acquire on a real clock gets its token once the rate brings one")
    func acquireWaitsForTheRate() {
        let bucket = TokenBucket(ratePerSecond: 200, burst: 1)
        let cancellation = Cancellation()
        let acquirer = Background { (0 ..< 5).allSatisfy { _ in bucket.acquire(cancellation: cancellation) } }
        #expect(acquirer.result() == true)
    }
}
