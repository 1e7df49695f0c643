import Foundation

/// Lets a fixed number of threads into each phase of a measurement together, so that letters are sealed
/// beside letters and signatures made beside signatures, as on a machine doing only the one or the other.
/// Without it the threads' phases drifted in and out of step, and the two-thread ratio of `ops/bench
/// formats` moved with them between 75% (in step) and 79%.
final class PhaseBarrier: @unchecked Sendable {   // all state is behind `condition`
    private let condition = NSCondition()
    private let parties: Int
    private let deadline: Date
    private var arrived = 0
    private var round = 0
    private var goOn = true
    private var stopped = false

    /// A barrier for `parties` threads whose rounds stop at `deadline`.
    init(parties: Int, deadline: Date) {
        self.parties = parties
        self.deadline = deadline
    }

    /// Waits until every party has arrived; then all go on together. Returns false for all of them once the
    /// last to arrive finds the deadline passed, so that no thread is left waiting for the others.
    func pass() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let arrival = round
        arrived += 1
        if arrived == parties {
            arrived = 0
            round += 1
            goOn = !stopped && Date() < deadline
            condition.broadcast()
        } else {
            while round == arrival {
                condition.wait()
            }
        }
        return goOn
    }

    /// Ends the rounds before the deadline (a thread failed): the next round's `pass` returns false.
    func stop() {
        condition.lock()
        stopped = true
        condition.unlock()
    }
}
