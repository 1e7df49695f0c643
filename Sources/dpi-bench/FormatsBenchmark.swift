import DPI
import Foundation
import PKI
import Synchronization

/// Seals realistic digital letters from the test PKI's sender to Digipost in a loop: the work the run's
/// build stage does per letter (two RSA-2048 signatures, one RSA public-key operation, AES, SHA-256,
/// CRC-32, XML, JSON).
///
/// Its yardsticks are measured in the same threads at the same time: the threads take turns, in step by the
/// shared clock (`PhaseClock`), at 50 ms of letters, 50 ms of bare RSA-2048 signatures by the same key and
/// 50 ms of a letter's cryptography alone (`LetterCryptography`, the ceiling), timing each piece of work by
/// the thread's CPU clock. This shared machine's speed drifts by a fifth within seconds, which makes rates
/// measured one after the other (ours, then `openssl speed`) disagree by more than the difference looked for.
struct FormatsBenchmark {
    /// Rates per CPU-second of each thread, times the threads: what the machine does with that many
    /// cores to itself.
    struct Rate {
        let lettersPerSecond: Double
        let signaturesPerSecond: Double
        /// Letters' cryptography alone per second: what the letters would reach if the formats cost nothing.
        let cryptographyPerSecond: Double
    }

    /// Long enough for tens of letters and a hundred signatures in a row, short enough that both kinds see
    /// the same machine within a second.
    static let phases = PhaseClock(length: 0.05)

    /// Where each letter's document comes from, as in a run.
    enum DocumentSource: String {
        /// The pipeline's `letter.document`, the same for every letter: read and digested once (`PreparedDocument`).
        case shared
        /// A row's own `document_path`: read from its file for each letter.
        case own
    }

    private let sealer: LetterSealer
    private let recipient: Certificate
    private let letter: DigitalLetter
    private let contents: [DocumentContents]
    private let cryptography: LetterCryptography
    /// What the bare signatures sign: 32 bytes, a digest's size, as `openssl speed` signs a short input.
    private let digest = Data(repeating: 0x5A, count: 32)

    /// A benchmark over the PKI in `pki` with a main document of `documentBytes` bytes, mostly
    /// incompressible like a real PDF's compressed streams, from `source` (an own document is written to
    /// `folder`).
    init(pki: URL, documentBytes: Int, source: DocumentSource = .shared, folder: URL) throws {
        let identity = try Identity(pkcs12File: pki.appendingPathComponent("sender.p12"), password: "changeit")
        sealer = try LetterSealer(identity: identity)
        recipient = try Certificate(contentsOf: pki.appendingPathComponent("digipost.cert.pem"))
        let header = Data("%PDF-1.7\n%benchmark letter\n".utf8)
        let document = header + (try SecureRandom.bytes(count: max(0, documentBytes - header.count)))
        switch source {
        case .shared:
            contents = [.prepared(PreparedDocument(document))]
        case .own:
            let file = folder.appendingPathComponent("brev.pdf")
            try document.write(to: file)
            contents = [.file(file)]
        }
        let sender = try OrganisationNumber("991825827")
        letter = DigitalLetter(
            sender: LetterSender(organisation: sender), mailboxProvider: try OrganisationNumber("984661185"),
            mailboxAddress: "ola.nordmann#8HC7", nonSensitiveTitle: "Brev fra kommunen", language: "no",
            securityLevel: 3,
            documents: [LetterDocument(fileName: "brev.pdf", mimeType: "application/pdf", title: "Eiendomsskatt 2027",
                                       byteCount: document.count)])
        let sample = try sealer.seal(letter, contents: contents, messageId: UUID(), conversationId: UUID(),
                                     createdAt: Timestamp(Date()), maskinportenToken: Self.token, recipient: recipient)
        cryptography = try LetterCryptography(
            of: sample, key: identity.privateKey, recipient: recipient,
            recipientKey: try PrivateKey(contentsOf: pki.appendingPathComponent("digipost.key.pem")),
            ownDocument: source == .own ? document : nil)
    }

    /// Letters sealed, bare signatures made and letters' cryptography done per second over `seconds`, on
    /// `threads` threads sharing one sealer and key.
    func rates(threads: Int, seconds: Double) throws -> Rate {
        let totals = Mutex(Totals())
        let failure = Mutex<(any Error)?>(nil)
        let end = Self.phases.now() + seconds
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var own = Totals()
            var now = Self.phases.now()
            while now < end, failure.withLock({ $0 == nil }) {
                let phase = Self.phases.phase(at: now)
                let ids = LetterIds()
                let start = ProcessorTime.thisThread()
                do {
                    switch phase {
                    case .letters: _ = try sealOne(ids)
                    case .signatures: _ = try signBare()
                    case .cryptography: try cryptography.run()
                    }
                } catch {
                    failure.withLock { $0 = error }
                }
                own.add(phase, seconds: ProcessorTime.thisThread() - start)
                now = Self.phases.now()
            }
            totals.withLock { $0.add(own) }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return totals.withLock { totals in
            Rate(lettersPerSecond: totals.rate(of: .letters, threads: threads),
                 signaturesPerSecond: totals.rate(of: .signatures, threads: threads),
                 cryptographyPerSecond: totals.rate(of: .cryptography, threads: threads))
        }
    }

    /// Counts and CPU time of each kind of work.
    private struct Totals {
        private var counts: [PhaseClock.Phase: Int] = [:]
        private var seconds: [PhaseClock.Phase: Double] = [:]

        mutating func add(_ phase: PhaseClock.Phase, seconds time: Double) {
            counts[phase, default: 0] += 1
            seconds[phase, default: 0] += time
        }

        mutating func add(_ other: Totals) {
            counts.merge(other.counts, uniquingKeysWith: +)
            seconds.merge(other.seconds, uniquingKeysWith: +)
        }

        /// Pieces of `phase`'s work per CPU-second of a thread, times the threads.
        func rate(of phase: PhaseClock.Phase, threads: Int) -> Double {
            Double(counts[phase, default: 0]) / seconds[phase, default: .infinity] * Double(threads)
        }
    }

    /// Seals `count` letters on the calling thread: a fixed amount of work, for instruction-counting profilers
    /// (`valgrind --tool=callgrind`), whose counts do not depend on a shared machine's speed.
    func seal(count: Int) throws {
        for _ in 0..<count {
            _ = try sealOne(LetterIds())
        }
    }

    /// One bare RSA-2048 signature with the sealer's key: the yardstick.
    private func signBare() throws -> Data {
        try sealer.identity.privateKey.signRSASHA256(digest)
    }

    /// A letter's message and conversation ids: made before the letter is timed, as the run's route stage
    /// assigns them and the seal stage receives them (Foundation's `UUID()` reads `/dev/urandom` each time).
    private struct LetterIds {
        let message = UUID()
        let conversation = UUID()
    }

    private func sealOne(_ ids: LetterIds) throws -> SealedLetter {
        try sealer.seal(letter, contents: contents, messageId: ids.message, conversationId: ids.conversation,
                        createdAt: Timestamp(Date()), maskinportenToken: Self.token, recipient: recipient)
    }

    /// A token-shaped string of a realistic length; the formats do not look inside it.
    private static let token = "eyJraWQiOiJtcCJ9." + String(repeating: "x", count: 900) + ".sig"
}
