import DPI
import Foundation
import PKI
import Routing

/// A letter after routing, on its way to the seal and submit stages: its ids (already stored) and what is
/// to be done with it.
struct RoutedLetter: Sendable {
    /// Where the letter is encrypted to and addressed.
    enum Destination: Sendable {
        /// The person's mailbox.
        case digital(DigitalRoute)
        /// The print provider, with its validated certificate.
        case print(provider: OrganisationNumber, certificate: Certificate)
    }

    /// What the rest of the run does with the letter.
    enum Plan: Sendable {
        /// Build, sign, encrypt and submit it.
        case send(Destination)
        /// Record this final state; when the letter may already be at the access point, resolve that first.
        case finish(LetterUpdate)
    }

    var letter: ClaimedLetter
    var messageId: UUID
    var conversationId: UUID
    var expiresAt: Date
    var plan: Plan
}

/// A letter ready for the submit stage: sealed, or with its final update.
struct ReadyLetter: Sendable {
    /// What the submit stage does.
    enum Action: Sendable {
        /// Submit these bytes, which embed `token` (the access point requires the bearer token to be the
        /// embedded one); `reseal` builds them again around another token (refreshed, or after a 401).
        case submit(SealedLetter, token: String, reseal: @Sendable (String) throws -> SealedLetter)
        /// Record this update (after resolving an earlier attempt, when there may have been one).
        case finish(LetterUpdate)
        /// Write the dry-run files only.
        case inspect(SealedLetter)
    }

    var routed: RoutedLetter
    var action: Action
}
