import Foundation
import Pipeline
import Testing

/// Counting letters, the sliding-window rate and the ETA, with a fake clock.
@Suite struct ProgressMeterTests {
    @Test("done and the counts by state add up whatever thread records them")
    func countsFromManyThreads() {
        let meter = ProgressMeter(total: 4_000)
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            for _ in 0 ..< 1_000 {
                meter.record(index == 0 ? "rejected" : "submitted")
            }
        }
        let snapshot = meter.snapshot
        #expect(snapshot.done == 4_000)
        #expect(snapshot.countsByState == ["rejected": 1_000, "submitted": 3_000])
        #expect(snapshot.eta == 0)
    }

    @Test("the rate is taken over the last 10 s only, and the ETA follows it")
    func slidingWindowRateAndETA() {
        let clock = FakeClock()
        let meter = ProgressMeter(total: 10_000, clock: clock.read)
        #expect(meter.snapshot.lettersPerSecond == 0)
        #expect(meter.snapshot.eta == nil)

        // 200 letters a second for 5 s (steps of 1/8 s are exact in binary): the window is the 5 s so far.
        for _ in 0 ..< 40 {
            clock.advance(by: 0.125)
            meter.record("submitted", count: 25)
        }
        var snapshot = meter.snapshot
        #expect(snapshot.done == 1_000)
        #expect(snapshot.lettersPerSecond == 200)
        #expect(snapshot.eta == 45)

        // Then 20 s at 8 a second: the fast start has left the window, which holds the 80 letters since 15.1 s.
        for _ in 0 ..< 160 {
            clock.advance(by: 0.125)
            meter.record("unreachable")
        }
        snapshot = meter.snapshot
        #expect(snapshot.done == 1_160)
        #expect(snapshot.countsByState == ["submitted": 1_000, "unreachable": 160])
        #expect(snapshot.lettersPerSecond == 8)
        #expect(snapshot.eta == 1_105)
        #expect(snapshot.elapsed == 25)

        // Nothing recorded for 10 s more: the rate falls to 0 and the ETA is unknown.
        clock.advance(by: 10)
        #expect(meter.snapshot.lettersPerSecond == 0)
        #expect(meter.snapshot.eta == nil)
    }

    @Test("add(total:) raises the total and so the ETA")
    func addTotal() {
        let clock = FakeClock()
        let meter = ProgressMeter(total: 10, clock: clock.read)
        clock.advance(by: 1)
        meter.record("submitted", count: 10)
        #expect(meter.snapshot.eta == 0)
        meter.add(total: 20)
        #expect(meter.snapshot.total == 30)
        #expect(meter.snapshot.eta == 2)
    }
}
