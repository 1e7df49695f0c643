import Dispatch
import DPI
import Foundation
import Mailing
import Simulator

/// `dpi-batch simulate`: Maskinporten, KRR and the access point on one loopback port, for demos,
/// end-to-end tests and benchmarks, until SIGINT or SIGTERM.
struct SimulateCommand: Command {
    static let name = "simulate"
    static let summary = "run a local simulator of Maskinporten, KRR and the access point"
    static let help = """
        usage: dpi-batch simulate [--port P] [--dir DIR] [--persons N] [--pki DIR] [--seed FILE] [--accept-only]
                                  [receipt and fault options]

        Serves the simulated Maskinporten (/token), KRR (/rest/v2/...) and access point (/messages/...,
        /simulator/report) on 127.0.0.1 only. Without options it makes (or reuses) a test PKI (with
        ops/make-test-pki of the checkout holding the executable) and a KRR seed in DIR, prints DIR and the
        DPI_* variables a sender needs (also written to DIR/simulation.env for --config), and runs until
        SIGINT or SIGTERM.

        options:
          --port P                       port to listen on (default 8480; 0 picks a free one)
          --dir DIR                      folder for the PKI and seed (default $TMPDIR/dpi-batch-simulation)
          --persons N                    persons in a generated seed, spread over every KRR category (default 1000)
          --pki DIR                      use this test PKI folder instead of making one
          --seed FILE                    use this KRR seed file instead of generating one
          --accept-only                  store letters without verifying or decrypting them (benchmarks)
          --agreement ORGNO[,ORGNO]      only these organisations have an agreement with the access point; a token
                                         whose sending party has none gets 403 (default: every organisation)
          --manifest-xsd FILE            sdp-manifest.xsd received manifests must conform to (default:
                                         shared/dpi-reference/xsd/ next to the checkout; skipped if absent)
          --receipt-delay S              seconds until the first receipt (default 1)
          --opening-delay S              seconds from delivery to the opening receipt (default 1)
          --print-posting-delay S        seconds from print reception to posting (default 1)
          --error-share F                share of letters answered by feil (0..1, default 0)
          --returned-share F             share of print letters returned (returpostkvittering)
          --notification-failed-share F  share of digital letters with varslingfeiletkvittering
          --silent-share F               share of letters without any receipt
          --duplicate-receipt-share F    share of receipts delivered twice
          --out-of-order-share F         share of letters whose receipts come in reverse order
          --rate N                       requests per second above which the access point answers 429
          --unavailable-share F          share of sends answered 503 before storing
          --fail-after-store-share F     share of sends answered 500 after storing
          --drop-share F                 share of sends whose connection is dropped after storing
          --transport-failure-share F    share of stored letters whose status becomes FEILET (no receipts)
          --latency S                    seconds added to every access point answer
          --random-seed N                seed of the receipt and fault draws (default 1)
        """
    static let valueOptions: Set<String> = [
        "port", "dir", "persons", "pki", "seed", "agreement", "manifest-xsd", "receipt-delay", "opening-delay",
        "print-posting-delay",
        "error-share", "returned-share", "notification-failed-share", "silent-share", "duplicate-receipt-share",
        "out-of-order-share", "rate", "unavailable-share", "fail-after-store-share", "drop-share",
        "transport-failure-share", "latency",
        "random-seed",
    ]
    static let flags: Set<String> = ["accept-only"]

    let port: Int
    let folder: SimulationFolder
    let receipts: ReceiptSettings
    let faults: FaultSettings
    let acceptOnly: Bool
    /// The organisations with an agreement, or nil for every organisation.
    let agreements: Set<OrganisationNumber>?
    /// The manifest schema, or nil when none was given or found.
    let manifestSchema: URL?

    init(_ arguments: Arguments) throws(UsageError) {
        guard arguments.positional.isEmpty else {
            throw UsageError("unexpected \(arguments.positional.joined(separator: " "))")
        }
        let options = SimulateOptions(arguments)
        port = try options.integer("port", default: 8480, in: 0...65535)
        let directory = arguments[option: "dir"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("dpi-batch-simulation")
        folder = SimulationFolder(directory: directory, persons: try options.integer("persons", default: 1000,
                                                                                      in: 1...10_000_000),
                                  pki: arguments[option: "pki"].map { URL(fileURLWithPath: $0) },
                                  seed: arguments[option: "seed"].map { URL(fileURLWithPath: $0) })
        receipts = try options.receiptSettings()
        faults = try options.faultSettings()
        acceptOnly = arguments.has("accept-only")
        manifestSchema = try options.manifestSchema()
        agreements = try options.agreements()
    }

    func run(_ configuration: Configuration) throws -> Int32 {
        // First, so that a signal while the PKI is being made also stops cleanly.
        let (terminated, signalSources) = Self.trapTermination()
        let (pki, seed) = try folder.prepare()
        let simulation = try Simulation(settings: .init(pkiDirectory: pki, seed: seed, port: port, receipts: receipts,
                                                        faults: faults, acceptOnly: acceptOnly,
                                                        agreements: agreements, manifestSchema: manifestSchema))
        let lines = simulation.environment.map { "\($0.name)=\($0.value)" }
        try Data((lines.joined(separator: "\n") + "\n").utf8)
            .write(to: folder.directory.appendingPathComponent("simulation.env"), options: .atomic)
        print("simulator folder: \(folder.directory.path)")
        print(manifestSchema.map { "manifests validated against \($0.path)" }
              ?? "note: no sdp-manifest.xsd found; received manifests are not validated against the schema")
        print("serving Maskinporten, KRR and the access point on \(simulation.baseURL)"
              + (acceptOnly ? " (accept-only)" : ""))
        print("environment for a sender (also in \(folder.directory.appendingPathComponent("simulation.env").path)):")
        lines.forEach { print($0) }
        print("report: \(simulation.baseURL)/simulator/report; stop with Ctrl-C")
        fflush(nil)   // all streams: stdout may be a file, and the lines must be there before the wait
        terminated.wait()
        signalSources.forEach { $0.cancel() }
        simulation.server.stop()
        print("simulator stopped")
        return 0
    }

    /// A semaphore signalled when SIGINT or SIGTERM arrives (both turned into dispatch events instead of
    /// ending the process, so the server is stopped in order), and the signal sources to keep until then.
    private static func trapTermination() -> (DispatchSemaphore, [any DispatchSourceSignal]) {
        let terminated = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { terminated.signal() }
            source.resume()
            return source
        }
        return (terminated, sources)
    }
}
