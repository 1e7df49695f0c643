import DPI
import Foundation
import PKI
import Testing
import TestSupport

/// A letter at the 50 MB limit (spec 7.1) seals from a streamed file and opens again.
///
/// Peak memory, measured by running only this test under `/usr/bin/time -v` (debug build): 195 MB maximum
/// RSS against 47 MB for a trivial test, so about 148 MB or 3x the package; sealing alone reaches the same
/// peak (ZIP, OpenSSL's CMS buffer and the returned CMS), opening stays below it. Not asserted: memory
/// depends on the allocator and build, so it is for benchmarks, not tests.
@Suite("Package: a 50 MB letter")
struct LargePackageTests {
    @Test("a digital letter with documents totalling 50 MB seals from a file and verifies, attachment intact")
    func fiftyMegabytes() throws {
        try TemporaryDirectory.with(prefix: "large") { folder in
            let file = folder.appendingPathComponent("vedlegg.bin")
            let size = 50_000_000 - PackageFixtures.mainDocument.count
            try ChildProcess.succeed("sh", ["-c", #"head -c "$0" /dev/urandom > "$1""#, "\(size)", file.path])
            var letter = PackageFixtures.digital
            letter.documents = [PackageFixtures.documents[0],
                                LetterDocument(fileName: "vedlegg.bin", mimeType: "application/octet-stream",
                                               title: "Stort vedlegg", byteCount: size)]
            // Level 1: the random attachment does not compress, so the time goes to trying.
            let sealer = try LetterSealer(identity: PackageFixtures.identity("sender"), compressionLevel: 1)
            let sealed = try sealer.seal(letter, contents: [.data(PackageFixtures.mainDocument), .file(file)],
                                         messageId: UUID(), conversationId: UUID(), createdAt: Timestamp(Date()),
                                         maskinportenToken: PackageFixtures.token,
                                         recipient: PackageFixtures.identity("digipost").certificate)
            #expect(sealed.cms.count > size)

            let verified = try PackageFixtures.letterVerifier(for: "digipost").verify(jwt: sealed.jwt, cms: sealed.cms)
            let hasher = SHA256Hasher()
            var extracted = 0
            try verified.package.extract("vedlegg.bin") { chunk in
                hasher.update(chunk)
                extracted += chunk.count
            }
            #expect(extracted == size)
            #expect(hasher.finalize() == (try Digest.sha256(contentsOf: file)))
        }
    }
}
