import DPI
import Foundation
import Simulator

/// The numeric options of `dpi-batch simulate`, checked and turned into the simulator's settings.
struct SimulateOptions {
    let arguments: Arguments

    init(_ arguments: Arguments) {
        self.arguments = arguments
    }

    /// `--name` as an integer in `range`, or `fallback` when absent.
    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = arguments[option: name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("--\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// `--name` as seconds (0 or more), or `fallback`.
    func seconds(_ name: String, default fallback: Double) throws(UsageError) -> Double {
        guard let text = arguments[option: name] else { return fallback }
        guard let value = Double(text), value >= 0, value.isFinite else {
            throw UsageError("--\(name) must be a number of seconds, 0 or more")
        }
        return value
    }

    /// `--name` as a share between 0 and 1, or 0.
    func share(_ name: String) throws(UsageError) -> Double {
        guard let text = arguments[option: name] else { return 0 }
        guard let value = Double(text), (0...1).contains(value) else {
            throw UsageError("--\(name) must be a share between 0 and 1")
        }
        return value
    }

    /// `--manifest-xsd FILE` (which must exist), else `sdp-manifest.xsd` in `shared/dpi-reference/xsd` next to
    /// the checkout, else nil: the simulator then skips the schema check and says so.
    func manifestSchema() throws(UsageError) -> URL? {
        if let path = arguments[option: "manifest-xsd"] {
            guard FileManager.default.fileExists(atPath: path) else {
                throw UsageError("--manifest-xsd \(path): no such file")
            }
            return URL(fileURLWithPath: path)
        }
        return CheckoutSearch.nearest("shared/dpi-reference/xsd/sdp-manifest.xsd",
                                      accept: FileManager.default.fileExists).map(URL.init(fileURLWithPath:))
    }

    /// `--agreement ORGNO[,ORGNO...]`: the organisations with an agreement with the access point (a token whose
    /// sending party is not among them gets 403); nil without the option (every organisation has one).
    func agreements() throws(UsageError) -> Set<OrganisationNumber>? {
        guard let text = arguments[option: "agreement"] else { return nil }
        var organisations: Set<OrganisationNumber> = []
        for part in text.split(separator: ",") {
            let number = part.trimmingCharacters(in: .whitespaces)
            guard let organisation = try? OrganisationNumber(number) else {
                throw UsageError("--agreement: \(number) is not a valid organisation number (nine digits, mod 11)")
            }
            organisations.insert(organisation)
        }
        guard !organisations.isEmpty else { throw UsageError("--agreement needs at least one organisation number") }
        return organisations
    }

    /// The receipt options.
    func receiptSettings() throws(UsageError) -> ReceiptSettings {
        ReceiptSettings(
            delay: try seconds("receipt-delay", default: 1), openingDelay: try seconds("opening-delay", default: 1),
            printPostingDelay: try seconds("print-posting-delay", default: 1), errorShare: try share("error-share"),
            returnedMailShare: try share("returned-share"),
            notificationFailedShare: try share("notification-failed-share"), silentShare: try share("silent-share"),
            duplicateShare: try share("duplicate-receipt-share"), outOfOrderShare: try share("out-of-order-share"),
            randomSeed: UInt64(try integer("random-seed", default: 1, in: 0...Int.max)))
    }

    /// The fault options.
    func faultSettings() throws(UsageError) -> FaultSettings {
        let rate = arguments[option: "rate"] == nil ? nil : try integer("rate", default: 0, in: 1...1_000_000)
        return FaultSettings(
            requestsPerSecond: rate, unavailableShare: try share("unavailable-share"),
            failAfterStoreShare: try share("fail-after-store-share"), dropAfterStoreShare: try share("drop-share"),
            transportFailureShare: try share("transport-failure-share"),
            latency: try seconds("latency", default: 0),
            randomSeed: UInt64(try integer("random-seed", default: 1, in: 0...Int.max)) &+ 1)
    }
}
