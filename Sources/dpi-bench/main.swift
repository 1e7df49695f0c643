import Foundation

/// `dpi-bench <benchmark> [options]`: the measuring half of `ops/bench`, which prints its results beside
/// yardsticks measured in the same run. Prints two numbers on stdout: the rate by the wall clock and the
/// rate per thread CPU-second (the divisor `openssl speed` uses).
let usage = """
    usage: dpi-bench formats --pki DIR [--threads N] [--seconds S] [--document-bytes B]

    formats   seals letters (ASiC-E, XAdES, CMS, business message, JWS) as fast as it can on N threads
              for S seconds and prints letters per second, by the wall clock and per thread CPU-second;
              DIR is a test PKI from ops/make-test-pki
    """

func option(_ name: String, in words: [String]) -> String? {
    guard let index = words.firstIndex(of: "--\(name)"), index + 1 < words.count else { return nil }
    return words[index + 1]
}

let words = Array(CommandLine.arguments.dropFirst())
guard words.first == "formats", let pki = option("pki", in: words) else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
do {
    let benchmark = try FormatsBenchmark(
        pki: URL(fileURLWithPath: pki),
        documentBytes: Int(option("document-bytes", in: words) ?? "") ?? 30_000)
    let rate = try benchmark.lettersPerSecond(
        threads: Int(option("threads", in: words) ?? "") ?? ProcessInfo.processInfo.activeProcessorCount,
        seconds: Double(option("seconds", in: words) ?? "") ?? 5)
    print(String(format: "%.1f %.1f", rate.perWallSecond, rate.perThreadCPUSecond))
} catch {
    FileHandle.standardError.write(Data("dpi-bench: \(error)\n".utf8))
    exit(1)
}
