import Foundation
import Routing
import Simulator
import Synchronization
import Testing
import TestSupport

/// A KRR outage in the middle of a job: lookups wait with backoff and lose no one.
@Suite struct KRROutageTests {
    /// The simulation started again on the old port, kept alive until the test ends.
    final class Restart: Sendable {
        let simulation = Mutex<Simulation?>(nil)
        let failure = Mutex<String?>(nil)
    }

    @Test("a KRR outage mid-job delays the lookup, which retries and loses no one once KRR is back")
    func outageIsRetried() throws {
        let seed = KRRSeed.generate(count: 3_000)
        let fixture = try RoutingSimulation(seed: seed)
        let ids = seed.persons.map(\.id)
        let before = try fixture.krr.lookup(Array(ids[..<1_000]))

        let port = fixture.simulation.server.port
        fixture.simulation.server.stop()
        let restart = Restart()
        let restarted = DispatchSemaphore(value: 0)
        let krr = fixture.krr, requestsBefore = fixture.krr.lookupRequests
        DispatchQueue.global().async {
            // KRR comes back once the lookup has tried twice (so met the outage at least once), however slowly
            // this machine runs the test.
            _ = waitUntil(timeout: .seconds(20)) { krr.lookupRequests - requestsBefore >= 2 }
            do {
                let simulation = try RoutingSimulation.start(seed: seed, port: port)
                restart.simulation.withLock { $0 = simulation }
            } catch {
                restart.failure.withLock { $0 = "\(error)" }
            }
            restarted.signal()
        }
        let after = try fixture.krr.lookup(Array(ids[1_000...]))
        #expect(restarted.wait(timeout: .now() + 20) == .success)
        #expect(restart.failure.withLock { $0 } == nil)

        // Two batches of 1,000; more requests than that means the outage was met and waited out.
        #expect(fixture.krr.lookupRequests - requestsBefore > 2)
        var all = before
        all.merge(after)
        let known = seed.persons.filter { $0.category != .unknown }.map(\.id)
        #expect(Set(all.persons.keys) == Set(known))
        #expect(all.invalidIdentifiers.isEmpty)
    }
}
