import Foundation

/// `dpi-bench <benchmark> [options]`: the measuring half of `ops/bench`, which prints the results beside
/// yardsticks measured in the same run.
let usage = """
    usage: dpi-bench formats --pki DIR [--threads N] [--seconds S] [--document-bytes B] [--document shared|own]
                             [--letters L]
           dpi-bench routing --pki DIR [--persons N]
           dpi-bench receipts --pki DIR [--receipts N] [--migrations DIR]   (DPI_DATABASE_URL set)

    formats   seals letters (ASiC-E, XAdES, CMS, business message, JWS) on N threads for S seconds, the
              threads taking turns in step, by the clock, at 50 ms of letters, 50 ms of bare RSA-2048
              signatures by the same key and 50 ms of a letter's cryptography alone (no formats built);
              prints letters, signatures and letters' cryptography per second, each per CPU-second of a
              thread times N (the divisor `openssl speed` uses). The document is the pipeline's, shared
              by every letter and digested once (default), or each letter's own, read from its file. With
              --letters, seals exactly L letters on one thread and prints nothing (a fixed workload for
              callgrind)
    routing   routes N generated persons (default 100000, every KRR category) through the real Maskinporten
              and KRR clients against a simulator in this process; prints persons routed per second
    receipts  reconciles N receipts (default 50000) that a simulator in this process returns for letters put in
              the database as submitted: poll, verify, store, apply, acknowledge; prints receipts per second

    DIR is a test PKI from ops/make-test-pki.
    """

func option(_ name: String, in words: [String]) -> String? {
    guard let index = words.firstIndex(of: "--\(name)"), index + 1 < words.count else { return nil }
    return words[index + 1]
}

let words = Array(CommandLine.arguments.dropFirst())
guard let benchmark = words.first, ["formats", "routing", "receipts"].contains(benchmark),
      let pki = option("pki", in: words)
else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: pki)
do {
    if benchmark == "receipts" {
        let count = Int(option("receipts", in: words) ?? "") ?? 50_000
        let benchmark = try ReceiptsBenchmark(
            pki: folder, count: count, databaseURL: ProcessInfo.processInfo.environment["DPI_DATABASE_URL"] ?? "",
            migrations: option("migrations", in: words) ?? "sql/migrations")
        print(String(format: "%.1f", try benchmark.receiptsPerSecond()))
    } else if benchmark == "routing" {
        let persons = Int(option("persons", in: words) ?? "") ?? 100_000
        print(String(format: "%.1f", try RoutingBenchmark(pki: folder, persons: persons).personsPerSecond()))
    } else {
        let documentBytes = Int(option("document-bytes", in: words) ?? "") ?? 30_000
        let threads = Int(option("threads", in: words) ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
        let seconds = Double(option("seconds", in: words) ?? "") ?? 5
        guard let source = FormatsBenchmark.DocumentSource(rawValue: option("document", in: words) ?? "shared") else {
            FileHandle.standardError.write(Data("dpi-bench: --document is shared or own\n".utf8))
            exit(2)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dpi-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let formats = try FormatsBenchmark(pki: folder, documentBytes: documentBytes, source: source, folder: scratch)
        if let letters = Int(option("letters", in: words) ?? "") {
            try formats.seal(count: letters)
        } else {
            let rate = try formats.rates(threads: threads, seconds: seconds)
            print(String(format: "%.1f %.1f %.1f", rate.lettersPerSecond, rate.signaturesPerSecond,
                         rate.cryptographyPerSecond))
        }
    }
} catch {
    FileHandle.standardError.write(Data("dpi-bench: \(error)\n".utf8))
    exit(1)
}
