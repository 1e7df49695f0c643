import Foundation
import Synchronization

/// Decides, request by request, which injected fault applies (`FaultSettings`): the per-second rate limit
/// and the random 503/500/dropped-connection draws, from one seeded source so a run repeats.
final class FaultInjector: Sendable {
    /// What happens to a send.
    enum SendFault: Equatable {
        case none
        case unavailable
        case failAfterStore
        case dropAfterStore
    }

    private struct State {
        var random: SeededRandom
        var windowSecond: Int64 = .min
        var requestsInWindow = 0
    }

    let settings: FaultSettings
    private let state: Mutex<State>

    init(settings: FaultSettings) {
        self.settings = settings
        state = Mutex(State(random: SeededRandom(seed: settings.randomSeed)))
    }

    /// Counts a request at `now`; true when it exceeds `requestsPerSecond` in the current whole second.
    func isOverRate(at now: Date) -> Bool {
        guard let limit = settings.requestsPerSecond else { return false }
        let second = Int64(now.timeIntervalSince1970.rounded(.down))
        return state.withLock { state in
            if state.windowSecond != second {
                state.windowSecond = second
                state.requestsInWindow = 0
            }
            state.requestsInWindow += 1
            return state.requestsInWindow > limit
        }
    }

    /// Whether the transport of the letter `messageId` fails (`FEILET`), drawn per message id so it does not
    /// depend on arrival order.
    func transportFails(messageId: String) -> Bool {
        var random = SeededRandom(seed: settings.randomSeed, messageId: messageId)
        return random.chance(settings.transportFailureShare)
    }

    /// The fault for one send: 503 before storing, or 500 / dropped connection after, by their shares.
    func sendFault() -> SendFault {
        state.withLock { state in
            if state.random.chance(settings.unavailableShare) { return .unavailable }
            if state.random.chance(settings.failAfterStoreShare) { return .failAfterStore }
            if state.random.chance(settings.dropAfterStoreShare) { return .dropAfterStore }
            return SendFault.none
        }
    }
}
