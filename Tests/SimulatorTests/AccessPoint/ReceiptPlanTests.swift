import Foundation
@testable import Simulator
import Testing

/// Receipt plans are decided by a seeded random source per message id: the same letter always gets the
/// same receipts, whatever order letters arrive in, and shares come out near what was asked for.
@Suite("Access point simulator: receipt plans")
struct ReceiptPlanTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let ids = (0..<400).map { _ in UUID().uuidString.lowercased() }

    static func plan(_ id: String, _ settings: ReceiptSettings, print: Bool = false) -> [PlannedReceipt] {
        ReceiptPlan.receipts(messageId: id, isPrint: print, requestsOpening: false, acceptedAt: start,
                             settings: settings)
    }

    @Test("the same seed and message id give the same plan; another seed gives another mix")
    func deterministic() {
        let settings = ReceiptSettings(errorShare: 0.5)
        let first = Self.ids.map { Self.plan($0, settings) }
        #expect(Self.ids.reversed().map { Self.plan($0, settings) }.reversed() == first)
        var reseeded = settings
        reseeded.randomSeed = 99
        #expect(Self.ids.map { Self.plan($0, reseeded) } != first)
    }

    @Test("a share of 0.3 fails roughly 30 % of letters; 0 none; 1 all")
    func sharesAreRespected() {
        let failures = { (share: Double) in
            Self.ids.filter { Self.plan($0, ReceiptSettings(errorShare: share)).first?.kind == .error }.count
        }
        #expect((80...160).contains(failures(0.3)), "\(failures(0.3)) of 400")
        #expect(failures(0) == 0)
        #expect(failures(1) == Self.ids.count)
    }

    @Test("timing: digital delivery at the delay; print reception at the delay, posting one posting delay later")
    func timing() {
        let settings = ReceiptSettings(delay: 3, printPostingDelay: 7)
        #expect(Self.plan("a", settings) == [PlannedReceipt(kind: .delivery, due: Self.start + 3, copies: 1)])
        #expect(Self.plan("a", settings, print: true) == [
            PlannedReceipt(kind: .reception, due: Self.start + 3, copies: 1),
            PlannedReceipt(kind: .delivery, due: Self.start + 10, copies: 1),
        ])
    }
}
