import Foundation
import Synchronization

/// Idle deflaters kept between archives. Starting a zlib deflate stream allocates and clears about 270 KB,
/// which for a package of a few small entries cost as much as compressing them; a writer takes its
/// deflaters from here and gives them back, reset, when its archive is finished.
///
/// At most `limit` idle deflaters are kept per level (the number of workers that write at once, in
/// practice), so the memory held stays bounded.
final class ZIPDeflaterPool: Sendable {
    /// The pool every `ZIPWriter` uses.
    static let shared = ZIPDeflaterPool(limit: 2 * ProcessInfo.processInfo.activeProcessorCount)

    let limit: Int
    private let idle = Mutex<[Int: [ZIPDeflater]]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    /// An idle deflater for `level`, or a new one.
    func take(level: Int) throws -> ZIPDeflater {
        if let deflater = idle.withLock({ $0[level]?.popLast() }) { return deflater }
        return try ZIPDeflater(level: level)
    }

    /// Keeps `deflater` for the next archive; it must be between entries (finished and reset).
    func give(_ deflater: ZIPDeflater) {
        idle.withLock { idle in
            if idle[deflater.level, default: []].count < limit {
                idle[deflater.level, default: []].append(deflater)
            }
        }
    }

    /// How many idle deflaters of `level` are kept.
    func idleCount(level: Int) -> Int {
        idle.withLock { $0[level]?.count ?? 0 }
    }
}
