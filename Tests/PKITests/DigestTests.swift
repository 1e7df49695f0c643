import Foundation
import Testing
import PKI
import TestSupport

@Suite("Digests")
struct DigestTests {
    @Test("SHA-256 and SHA-1 of \"abc\" match the FIPS 180 known answers")
    func knownAnswers() {
        let abc = Data("abc".utf8)
        #expect(Digest.sha256(abc).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha1(abc).hex == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Digest.sha256(Data()).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("Digests of random data agree with openssl dgst")
    func agreesWithOpenSSL() throws {
        let data = try SecureRandom.bytes(count: 100_003)
        let sha256 = try ChildProcess.openssl("dgst", "-sha256", "-binary", input: data).stdout
        let sha1 = try ChildProcess.openssl("dgst", "-sha1", "-binary", input: data).stdout
        #expect(Digest.sha256(data) == sha256)
        #expect(Digest.sha1(data) == sha1)
    }

    @Test("The incremental hasher fed in uneven pieces equals the one-shot digest")
    func incrementalMatchesOneShot() throws {
        let data = try SecureRandom.bytes(count: 70_000)
        let hasher = SHA256Hasher()
        var offset = 0
        for size in [0, 1, 63, 64, 65, 4096, 100_000] where offset < data.count {
            let end = min(data.count, offset + size)
            hasher.update(data.subdata(in: offset..<end))
            offset = end
        }
        #expect(offset == data.count)
        #expect(hasher.finalize() == Digest.sha256(data))
    }

    @Test("SHA-256 of a file equals the official package fingerprint (spec section 9)")
    func fileDigestMatchesFingerprint() throws {
        let file = Repository.examples.appendingPathComponent("digital-dokumentpakke.cms")
        let digest = try Digest.sha256(contentsOf: file)
        #expect(digest.base64EncodedString() == "BDjOg00Iiv5eQGm5adwGnW8ktSfvQ/0jYvgkYCRnryw=")
    }

    @Test("Hashing a missing file throws fileNotReadable")
    func missingFile() {
        expectError(.fileNotReadable) {
            try Digest.sha256(contentsOf: URL(fileURLWithPath: "/nonexistent/file.cms"))
        }
    }

    @Test("Random bytes have the requested length and differ between calls")
    func randomBytes() throws {
        let first = try SecureRandom.bytes(count: 32)
        #expect(first.count == 32)
        #expect(first != (try SecureRandom.bytes(count: 32)))
        #expect(try SecureRandom.bytes(count: 0).isEmpty)
    }
}

extension Data {
    /// Lower-case hex, for comparing with known answers.
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
