import DPI
import Foundation
import Pipeline

/// The sink of `run --dry-run DIR`: writes each built letter's signed business message (`<message_id>.jwt`)
/// and encrypted package (`<message_id>.cms`), and `letters.csv` listing every letter with its route and
/// what would happen to it — so a case officer can inspect a mailing before it goes out. Nothing in the
/// database changes.
struct DryRunWriter {
    let directory: URL
    let progress: ProgressMeter

    /// Drains `letters` into the folder; returns how many letters were built.
    @discardableResult
    func drain(_ letters: BoundedQueue<ReadyLetter>) throws -> Int {
        try create(directory)
        var index = "external_ref,recipient_id,message_id,channel,provider_orgno,outcome,error\n"
        var built = 0
        while let ready = letters.receive() {
            let routed = ready.routed
            switch ready.action {
            case .inspect(let sealed), .submit(let sealed, _, _):
                let name = routed.messageId.uuidString.lowercased()
                try write(Data(sealed.jwt.utf8), to: name + ".jwt")
                try write(sealed.cms, to: name + ".cms")
                index += row(routed, outcome: "would be sent", error: nil)
                progress.record("built")
                built += 1
            case .finish(let update):
                index += row(routed, outcome: update.state, error: update.error)
                progress.record(update.state)
            }
        }
        try write(Data(index.utf8), to: "letters.csv")
        return built
    }

    private func row(_ routed: RoutedLetter, outcome: String, error: String?) -> String {
        let (channel, provider): (String, String) = switch routed.plan {
        case .send(.digital(let route)): ("digital", route.provider.rawValue)
        case .send(.print(let provider, _)): ("print", provider.rawValue)
        case .finish: ("", "")
        }
        let fields = [routed.letter.externalRef, String(routed.letter.recipientId),
                      routed.messageId.uuidString.lowercased(), channel, provider, outcome, error ?? ""]
        return fields.map(ReportWriter.csvField).joined(separator: ",") + "\n"
    }

    private func create(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw MailingError(.dryRunOutput, "cannot create the dry-run folder \(folder.path)",
                               details: "\(error)")
        }
    }

    private func write(_ data: Data, to name: String) throws {
        do {
            try data.write(to: directory.appendingPathComponent(name))
        } catch {
            throw MailingError(.dryRunOutput, "cannot write \(name) in \(directory.path)", details: "\(error)")
        }
    }
}
