import DPI
import Foundation
import HTTP

extension AccessPointSimulator {
    /// One transport status (spec 10.3).
    private struct TransportStatus: Encodable {
        let status: String
        let beskrivelse: String?
        let timestamp: String
    }

    /// `GET /messages/out/{id}/statuses`: `OPPRETTET` at acceptance, `SENDT` (or an injected `FEILET`) once
    /// `forwardDelay` has passed;
    /// only to the organisations that sent the letter. An unknown id (spec 18.9 leaves it open) gets 404.
    func statuses(token: MaskinportenToken, id: String?) -> HTTPResponse {
        guard let id, let letter = store.letter(id.lowercased()),
              !letter.owners.isDisjoint(with: Self.owners(of: token)) else {
            return ProblemDetails(status: 404, title: "Not Found", detail: "no letter of yours has this message id")
                .response()
        }
        var statuses = [TransportStatus(status: "OPPRETTET", beskrivelse: "mottatt av aksesspunktet",
                                        timestamp: Self.timestamp(letter.acceptedAt))]
        let sent = letter.acceptedAt.addingTimeInterval(configuration.forwardDelay)
        if sent <= configuration.clock() {
            statuses.append(letter.transportFails
                ? TransportStatus(status: "FEILET", beskrivelse: "simulert feil ved videresending til mottakers "
                    + "aksesspunkt", timestamp: Self.timestamp(sent))
                : TransportStatus(status: "SENDT", beskrivelse: nil, timestamp: Self.timestamp(sent)))
        }
        return .json((try? JSONEncoder.simulator.encode(statuses)) ?? Data())
    }

    /// `2021-06-29T05:49:47Z`, as the examples write status times.
    private static func timestamp(_ date: Date) -> String {
        Date.ISO8601FormatStyle().format(date)
    }
}
