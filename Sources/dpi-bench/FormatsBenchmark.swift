import DPI
import Foundation
import PKI
import Synchronization

/// Seals realistic digital letters from the test PKI's sender to Digipost in a loop: the work the run's
/// build stage does per letter (two RSA-2048 signatures, one RSA public-key operation, AES, SHA-256,
/// deflate, C14N, JSON).
struct FormatsBenchmark {
    /// Letters per second by the wall clock, and per second of CPU time each thread got — the divisor
    /// `openssl speed` uses, so the two compare fairly on a machine shared with other work.
    struct Rate {
        let perWallSecond: Double
        let perThreadCPUSecond: Double
    }

    private let sealer: LetterSealer
    private let recipient: Certificate
    private let letter: DigitalLetter
    private let document: Data

    /// A benchmark over the PKI in `pki` with a main document of `documentBytes` bytes, mostly
    /// incompressible like a real PDF's compressed streams.
    init(pki: URL, documentBytes: Int) throws {
        let identity = try Identity(pkcs12File: pki.appendingPathComponent("sender.p12"), password: "changeit")
        sealer = try LetterSealer(identity: identity)
        recipient = try Certificate(contentsOf: pki.appendingPathComponent("digipost.cert.pem"))
        let header = Data("%PDF-1.7\n%benchmark letter\n".utf8)
        document = header + (try SecureRandom.bytes(count: max(0, documentBytes - header.count)))
        let sender = try OrganisationNumber("991825827")
        letter = DigitalLetter(
            sender: LetterSender(organisation: sender), mailboxProvider: try OrganisationNumber("984661185"),
            mailboxAddress: "ola.nordmann#8HC7", nonSensitiveTitle: "Brev fra kommunen", language: "no",
            securityLevel: 3,
            documents: [LetterDocument(fileName: "brev.pdf", mimeType: "application/pdf", title: "Eiendomsskatt 2027",
                                       byteCount: document.count)])
    }

    /// Letters sealed per second over `seconds`, on `threads` threads sharing one sealer.
    func lettersPerSecond(threads: Int, seconds: Double) throws -> Rate {
        _ = try sealOne()
        let cpuBefore = ProcessorTime.used()
        let sealed = Mutex(0)
        let failure = Mutex<(any Error)?>(nil)
        let start = Date()
        let deadline = start.addingTimeInterval(seconds)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var count = 0
            do {
                while Date() < deadline {
                    _ = try sealOne()
                    count += 1
                }
            } catch {
                failure.withLock { $0 = error }
            }
            sealed.withLock { $0 += count }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        let letters = Double(sealed.withLock { $0 })
        return Rate(perWallSecond: letters / Date().timeIntervalSince(start),
                    perThreadCPUSecond: letters / ((ProcessorTime.used() - cpuBefore) / Double(threads)))
    }

    /// Seals `count` letters on the calling thread: a fixed amount of work, for instruction-counting profilers
    /// (`valgrind --tool=callgrind`), whose counts do not depend on a shared machine's speed.
    func seal(count: Int) throws {
        for _ in 0..<count {
            _ = try sealOne()
        }
    }

    private func sealOne() throws -> SealedLetter {
        try sealer.seal(letter, contents: [.data(document)], messageId: UUID(), conversationId: UUID(),
                        createdAt: Timestamp(Date()), maskinportenToken: Self.token, recipient: recipient)
    }

    /// A token-shaped string of a realistic length; the formats do not look inside it.
    private static let token = "eyJraWQiOiJtcCJ9." + String(repeating: "x", count: 900) + ".sig"
}
