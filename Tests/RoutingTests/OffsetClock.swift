import Foundation
import Synchronization

/// Real time plus an offset the test advances, shared by the clients and the simulator.
final class OffsetClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)

    func advance(by seconds: TimeInterval) {
        offset.withLock { $0 += seconds }
    }

    var closure: @Sendable () -> Date {
        { Date().addingTimeInterval(self.offset.withLock { $0 }) }
    }
}
