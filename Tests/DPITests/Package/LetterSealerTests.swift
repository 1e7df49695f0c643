import DPI
import Foundation
import PKI
import Testing

/// What the sealer refuses before doing any RSA work, how it handles a Databehandler, and that one sealer
/// serves many threads at once.
@Suite("Package: sealing letters")
struct LetterSealerTests {
    @Test("a letter whose sender is not the signing certificate's organisation is refused as a configuration error")
    func signerMustBeSender() throws {
        var letter = PackageFixtures.digital
        letter.sender = LetterSender(organisation: try OrganisationNumber("910076787"))
        let error = #expect(throws: DPIError.self) { try PackageFixtures.sealDigital(letter: letter) }
        #expect(error?.code == .signerNotSender)
        #expect(error?.disposition == .abort)
    }

    @Test("an invalid letter is rejected with the field at fault")
    func invalidLetterIsRejected() throws {
        var letter = PackageFixtures.digital
        letter.securityLevel = 2
        let error = #expect(throws: DPIError.self) { try PackageFixtures.sealDigital(letter: letter) }
        #expect(error?.code == .invalidLetter)
        #expect(error?.disposition == .reject)
    }

    @Test("contents that do not match the letter's documents one to one are refused")
    func contentsMustMatchDocuments() throws {
        let error = #expect(throws: DPIError.self) {
            try PackageFixtures.sealer().seal(
                PackageFixtures.digital, contents: [.data(PackageFixtures.mainDocument)], messageId: UUID(),
                conversationId: UUID(), createdAt: Timestamp(Date()), maskinportenToken: PackageFixtures.token,
                recipient: PackageFixtures.identity("digipost").certificate)
        }
        #expect(error?.code == .invalidManifest)
    }

    @Test("a Databehandler signs and is the SBDH sender, while message and manifest name the Avsender")
    func dataProcessorSendsOnBehalf() throws {
        var letter = PackageFixtures.digital
        letter.sender = LetterSender(organisation: try OrganisationNumber("910076787"), senderIdentifier: "brev",
                                     dataProcessor: PackageFixtures.sender)
        let sealed = try PackageFixtures.sealDigital(letter: letter)
        let verified = try PackageFixtures.letterVerifier(for: "digipost").verify(jwt: sealed.jwt, cms: sealed.cms)
        #expect(verified.message.senderOrganisationNumber == PackageFixtures.sender)
        #expect(verified.manifest.sender == .init(organisation: "0192:910076787", senderIdentifier: "brev"))
    }

    @Test("one sealer shared by several threads seals letters that all verify, each with its own package")
    func sharedAcrossThreads() throws {
        let sealer = try PackageFixtures.sealer()
        let recipient = try PackageFixtures.identity("digipost").certificate
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            results.add(Result {
                try sealer.seal(PackageFixtures.digital, contents: PackageFixtures.contents, messageId: UUID(),
                                conversationId: UUID(), createdAt: Timestamp(Date()),
                                maskinportenToken: PackageFixtures.token, recipient: recipient)
            })
        }
        let letters = try results.all.map { try $0.get() }
        #expect(Set(letters.map(\.fingerprint.digestValue)).count == 8)
        let verifier = try PackageFixtures.letterVerifier(for: "digipost")
        for letter in letters {
            #expect(try verifier.verify(jwt: letter.jwt, cms: letter.cms).message.messageId == letter.messageId)
        }
    }

    /// Collects results from concurrent work.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<SealedLetter, any Error>] = []

        func add(_ result: Result<SealedLetter, any Error>) {
            lock.withLock { results.append(result) }
        }

        var all: [Result<SealedLetter, any Error>] { lock.withLock { results } }
    }
}
