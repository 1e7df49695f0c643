import Foundation

/// Collects an archive as the pieces it is written in, for encrypting it where its bytes lie
/// (`CMSEnvelope.encryptWithDigest(pieces:to:)`): records and small entries are gathered into byte arrays, and
/// content of `separateFrom` bytes or more — a letter's documents — stays the `Data` it was handed over in,
/// so a PDF shared by every letter of a run is never copied into each letter's package.
final class ZIPPieceOutput: ZIPOutput {
    /// Content at least this long is kept as a piece of its own rather than copied into the gathered bytes.
    static let separateFrom = 16 << 10

    private var pieces: [any ContiguousBytes] = []
    private var gathered: [UInt8] = []

    init() {
        gathered.reserveCapacity(Self.gatheringCapacity)
    }

    func write(_ bytes: Data) {
        guard bytes.count >= Self.separateFrom else {
            gathered.append(contentsOf: bytes)
            return
        }
        closeGathered()
        pieces.append(bytes)
        gathered.reserveCapacity(Self.gatheringCapacity)
    }

    func write(_ bytes: [UInt8]) {
        gathered.append(contentsOf: bytes)
    }

    /// The archive's pieces in order, once it is finished.
    func finishedPieces() -> [any ContiguousBytes] {
        closeGathered()
        return pieces
    }

    /// Room for a letter's small files and records (the signature is about 8 KB), so gathering grows rarely.
    private static let gatheringCapacity = 16 << 10

    private func closeGathered() {
        guard !gathered.isEmpty else { return }
        pieces.append(gathered)
        gathered = []
    }
}
