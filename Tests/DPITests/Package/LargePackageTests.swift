import DPI
import Foundation
import PKI
import Testing
import TestSupport

/// A letter at the 50 MB limit (spec 7.1) seals from a streamed file, holding about two copies of it, and
/// opens again.
@Suite("Package: a 50 MB letter")
struct LargePackageTests {
    /// Bytes of the attachment that bring the letter's documents to the 50 MB limit.
    static let attachmentSize = 50_000_000 - PackageFixtures.mainDocument.count

    @Test("a digital letter with documents totalling 50 MB seals from a file and verifies, attachment intact")
    func fiftyMegabytes() throws {
        try TemporaryDirectory.with(prefix: "large") { folder in
            let file = try Self.attachment(in: folder)
            let sealed = try Self.seal(attachment: file)
            #expect(sealed.cms.count > Self.attachmentSize)

            let verified = try PackageFixtures.letterVerifier(for: "digipost").verify(jwt: sealed.jwt, cms: sealed.cms)
            let hasher = SHA256Hasher()
            var extracted = 0
            try verified.package.extract("vedlegg.bin") { chunk in
                hasher.update(chunk)
                extracted += chunk.count
            }
            #expect(extracted == Self.attachmentSize)
            #expect(hasher.finalize() == (try Digest.sha256(contentsOf: file)))
        }
    }

    /// Set to a file path in the child process `sealingHoldsAboutTwoCopies` starts: there the probe runs alone
    /// and writes how much its sealing raised the process's peak memory.
    static let probeReport = "DPI_TEST_SEALING_MEMORY_REPORT"

    /// The package's ZIP (its pieces, the attachment among them) and the CMS made from it are two copies;
    /// more would mean the attachment is copied or buffered somewhere on the way. Peak memory is a process's,
    /// and this process runs other tests beside this one, so the sealing is measured in a child process
    /// running only `sealingMemoryProbe` (this test binary again, filtered). Measured there: about 105 MB.
    @Test("sealing a 50 MB letter raises peak memory by at most two and a half times the letter")
    func sealingHoldsAboutTwoCopies() throws {
        try TemporaryDirectory.with(prefix: "memory") { folder in
            let report = folder.appendingPathComponent("peak-growth")
            let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
            try ChildProcess.succeed(testBinary,
                                     ["--testing-library", "swift-testing", "--filter", "sealingMemoryProbe"],
                                     environment: [Self.probeReport: report.path], timeout: .seconds(300))
            let growth = try #require(Int(String(decoding: try Data(contentsOf: report), as: UTF8.self)),
                                      "the probe ran and reported its growth in bytes")
            #expect(growth > Self.attachmentSize, "the CMS alone is bigger than the attachment: the probe measured")
            #expect(growth <= Self.attachmentSize * 5 / 2, "peak grew by \(growth) bytes")
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[probeReport] != nil,
                   "run by sealingHoldsAboutTwoCopies in a child process"))
    func sealingMemoryProbe() throws {
        let report = try #require(ProcessInfo.processInfo.environment[Self.probeReport])
        try TemporaryDirectory.with(prefix: "probe") { folder in
            let file = try Self.attachment(in: folder)
            _ = try PackageFixtures.identity("sender")   // the test PKI loaded before measuring
            let before = try Self.peakBytes()
            let sealed = try Self.seal(attachment: file)
            let growth = try Self.peakBytes() - before
            #expect(sealed.cms.count > Self.attachmentSize)
            try Data(String(growth).utf8).write(to: URL(fileURLWithPath: report))
        }
    }

    /// A file of random bytes, which do not compress, to attach.
    static func attachment(in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("vedlegg.bin")
        try ChildProcess.succeed("sh", ["-c", #"head -c "$0" /dev/urandom > "$1""#, "\(attachmentSize)", file.path])
        return file
    }

    /// The fixtures' digital letter for Digipost with `attachment` streamed from its file.
    static func seal(attachment: URL) throws -> SealedLetter {
        var letter = PackageFixtures.digital
        letter.documents = [PackageFixtures.documents[0],
                            LetterDocument(fileName: "vedlegg.bin", mimeType: "application/octet-stream",
                                           title: "Stort vedlegg", byteCount: attachmentSize)]
        // Level 1: the random attachment does not compress, so the time goes to trying.
        let sealer = try LetterSealer(identity: PackageFixtures.identity("sender"), compressionLevel: 1)
        return try sealer.seal(letter, contents: [.data(PackageFixtures.mainDocument), .file(attachment)],
                               messageId: UUID(), conversationId: UUID(), createdAt: Timestamp(Date()),
                               maskinportenToken: PackageFixtures.token,
                               recipient: PackageFixtures.identity("digipost").certificate)
    }

    /// The peak resident memory of the process's own address space so far, in bytes: `VmHWM` of
    /// /proc/self/status. (`getrusage`'s `ru_maxrss` will not do: a process started by `posix_spawn` inherits
    /// its parent's peak there, which was larger than this whole probe when other tests ran beside it.)
    static func peakBytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        let kibibytes = try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
        return kibibytes * 1024
    }
}
