import Foundation
import Simulator

/// The folder `dpi-batch simulate` keeps its material in: a test PKI made by the checkout's
/// `ops/make-test-pki` (the one script that knows the PKI layout, so it is run rather than re-implemented)
/// and a KRR seed, both reused when present.
struct SimulationFolder {
    let directory: URL
    let persons: Int
    let pki: URL?
    let seed: URL?

    /// The PKI folder and the seed, made when missing.
    func prepare() throws -> (pki: URL, seed: KRRSeed) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pkiFolder = try pki ?? makePKI()
        if let seed {
            return (pkiFolder, try KRRSeed(contentsOf: seed))
        }
        let file = directory.appendingPathComponent("seed.json")
        if let existing = try? KRRSeed(contentsOf: file), existing.persons.count == persons {
            return (pkiFolder, existing)
        }
        let generated = KRRSeed.generate(count: persons)
        try generated.write(to: file)
        return (pkiFolder, generated)
    }

    /// Runs `ops/make-test-pki DIR/pki` (idempotent: it does nothing when the files are there).
    private func makePKI() throws -> URL {
        let folder = directory.appendingPathComponent("pki")
        let script = try Self.locateScript()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = [folder.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw UsageError("\(script) failed with status \(process.terminationStatus); pass --pki DIR instead")
        }
        return folder
    }

    /// `ops/make-test-pki` in the nearest folder above the executable, else above the current directory.
    private static func locateScript() throws(UsageError) -> String {
        guard let script = CheckoutSearch.nearest("ops/make-test-pki", accept: FileManager.default.isExecutableFile)
        else {
            throw UsageError("cannot find ops/make-test-pki above the executable or the current directory: "
                + "pass --pki DIR")
        }
        return script
    }
}
