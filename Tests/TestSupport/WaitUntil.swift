import Foundation

/// Polls `condition` until it holds or `timeout` passes; true when it held. For waiting on another process
/// (a child exiting, a server printing that it is ready), never for timing assertions. The pause between
/// polls grows from 1 to 10 ms, so short commands are not slowed down and long waits cost little CPU.
public func waitUntil(timeout: Duration, _ condition: () -> Bool) -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    var pauseMicroseconds: UInt32 = 1_000
    while !condition() {
        guard clock.now < deadline else { return false }
        usleep(pauseMicroseconds)
        pauseMicroseconds = min(pauseMicroseconds * 2, 10_000)
    }
    return true
}
