import Foundation
import Pipeline
import Testing

/// Signals turned into handler calls, with SIGUSR1 (never SIGINT or SIGTERM: they would stop the test run).
@Suite(.serialized) struct SignalTrapTests {
    @Test("the handler runs once per delivered signal")
    func handlerRunsPerDelivery() {
        let handled = Counter()
        let trap = SignalTrap(signals: [SIGUSR1]) { signal in
            if signal == SIGUSR1 {
                handled.increment()
            }
        }
        kill(getpid(), SIGUSR1)
        #expect(eventually { handled.value == 1 })
        kill(getpid(), SIGUSR1)
        #expect(eventually { handled.value == 2 })
        trap.cancel()
    }

    @Test("with onRepeat, the first signal goes to the handler and later ones to onRepeat, even while it still runs")
    func repeatWhileHandling() {
        let handled = Counter()
        let repeated = Counter()
        let release = DispatchSemaphore(value: 0)
        let trap = SignalTrap(signals: [SIGUSR1], onRepeat: { _ in repeated.increment() }) { _ in
            handled.increment()
            release.wait()
        }
        kill(getpid(), SIGUSR1)
        #expect(eventually { handled.value == 1 })
        kill(getpid(), SIGUSR1)
        #expect(eventually { repeated.value == 1 })
        kill(getpid(), SIGUSR1)
        #expect(eventually { repeated.value == 2 })
        release.signal()
        #expect(handled.value == 1)
        trap.cancel()
    }

    @Test("cancel restores the signal's default action")
    func cancelRestoresDefault() {
        let trap = SignalTrap(signals: [SIGUSR1]) { _ in }
        trap.cancel()
        let previous = signal(SIGUSR1, SIG_DFL)
        #expect(previous == nil, "SIGUSR1 should be back to SIG_DFL")
    }
}
