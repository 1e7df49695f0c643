import Foundation

extension RunSupervisor {
    /// Stops the run gracefully, like a pause, when the pipeline's send window has closed: letters in flight
    /// finish or go back, the job stays `running`, and the next `run` (or `run --due` from the timer) goes on
    /// once the window opens again.
    func checkSendWindow() {
        let now = services.clock()
        guard !stop.isCancelled, !services.schedule.isOpen(at: now) else { return }
        let opening = services.schedule.nextOpening(after: now).map { " (it opens again at \(RunReadiness.text($0)))" }
        services.logger.info("the send window closed\(opening ?? ""); stopping after the letters in flight")
        stop.cancel("the send window closed" + (opening ?? ""))
    }
}
