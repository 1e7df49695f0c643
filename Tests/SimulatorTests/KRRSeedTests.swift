import DPI
import Foundation
import Simulator
import Testing
import TestSupport

/// The seed generator covers every category with valid, distinct synthetic identifiers, deterministically;
/// seed files round-trip and bad ones are refused with a clear error.
@Suite("KRR simulator: seeds")
struct KRRSeedTests {
    @Test("a generated seed spreads its persons evenly over every category")
    func generatorCoversEveryCategory() {
        let seed = KRRSeed.generate(count: 10 * KRRCategory.allCases.count)
        for category in KRRCategory.allCases {
            #expect(seed.persons.filter { $0.category == category }.count == 10, "\(category)")
        }
        #expect(KRRSeed.generate(count: 3).persons.map(\.category) == [.digipost, .eboks, .reserved])
    }

    @Test("generated identifiers are valid synthetic person identifiers (month + 80), all distinct")
    func generatedIdentifiersAreValid() throws {
        // 30 000 persons pass the first cycle through the 21 915 birth dates of 1940-1999.
        let ids = KRRSeed.generate(count: 30_000).persons.map(\.id)
        #expect(Set(ids).count == ids.count)
        let nonSynthetic = ids.filter { id in
            guard let identifier = try? PersonIdentifier(id, allowSynthetic: true) else { return true }
            return !identifier.isSynthetic || identifier.kind != .birthNumber
        }
        #expect(nonSynthetic.isEmpty)
        #expect(ids.allSatisfy { (try? PersonIdentifier($0)) == nil }, "synthetic numbers need allowSynthetic")
    }

    @Test("the generator is deterministic and a larger seed extends a smaller one")
    func generatorIsDeterministic() {
        let small = KRRSeed.generate(count: 100)
        #expect(small == KRRSeed.generate(count: 100))
        #expect(Array(KRRSeed.generate(count: 1000).persons.prefix(100)) == small.persons)
        #expect(KRRSeed.generate(count: 0).persons.isEmpty)
    }

    @Test("a seed written to a file reads back the same, optional fields included")
    func seedFileRoundTrip() throws {
        var seed = KRRSeed.generate(count: 20)
        seed.persons[1].mailboxAddress = "0000487204"
        seed.persons[1].email = "kari@example.test"
        seed.persons[1].mobile = "+4799999999"
        seed.persons[1].language = "nn"
        try TemporaryDirectory.with(prefix: "krr-seed") { folder in
            let file = folder.appendingPathComponent("seed.json")
            try seed.write(to: file)
            #expect(try KRRSeed(contentsOf: file) == seed)
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.hasPrefix(#"{"persons": ["#))
            #expect(text.contains(#"{"id":"\#(seed.persons[3].id)","category":"no-mailbox"}"#))
        }
    }

    @Test("seed files with a bad identifier, a repeated one, an unknown category or none at all are refused")
    func badSeedsAreRefused() throws {
        let folder = try TemporaryDirectory.make(prefix: "krr-seed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = KRRSeed.generate(count: 2).persons.map(\.id)
        var badDigit = Array(good[0])
        badDigit[10] = badDigit[10] == "0" ? "1" : "0"
        let cases: [(String, SimulatorError.Code)] = [
            (#"{"persons":[{"id":"\#(String(badDigit))","category":"digipost"}]}"#, .malformedSeed),
            (#"{"persons":[{"id":"\#(good[0])","category":"digipost"},{"id":"\#(good[0])","category":"eboks"}]}"#,
             .malformedSeed),
            (#"{"persons":[{"id":"\#(good[0])","category":"postbox"}]}"#, .malformedSeed),
            (#"[]"#, .malformedSeed),
        ]
        for (index, (json, code)) in cases.enumerated() {
            let file = folder.appendingPathComponent("seed\(index).json")
            try Data(json.utf8).write(to: file)
            let error = #expect(throws: SimulatorError.self) { try KRRSeed(contentsOf: file) }
            #expect(error?.code == code, "\(json)")
            #expect(error?.description.contains(good[0]) == false)
        }
        let missing = #expect(throws: SimulatorError.self) {
            try KRRSeed(contentsOf: folder.appendingPathComponent("absent.json"))
        }
        #expect(missing?.code == .seedNotReadable)
    }
}
