import DPI
import Foundation
import FoundationXML

/// Spec 15 item 12 and 7.5, the provider's content and date rules: the effective time (`virkningstidspunkt`,
/// `virkningsdato`) not further ahead than the limit, HTML documents without scripts, event handlers,
/// embedded objects, forms or external resources, and EHF documents well-formed XML. Each broken rule is a
/// rejection named `effective-time-too-far`, `html-content` or `ehf-not-xml`, like every other corner-4 rule
/// of the simulator (refused before storing rather than answered later by a `feil` receipt).
struct LetterContentRules {
    /// The access point's time.
    let now: Date
    /// How far ahead of `now` the effective time may be.
    let maximumEffectiveDelay: TimeInterval

    /// The effective time of a digital letter, when it has one, lies at most `maximumEffectiveDelay` ahead.
    func checkEffectiveTime(of message: BusinessMessage) throws(LetterRejection) {
        guard case .digital(let digital) = message.body else { return }
        let dates = [digital.effectiveTime?.date, digital.effectiveDate.flatMap(Self.startOfDay)].compactMap { $0 }
        guard dates.allSatisfy({ $0.timeIntervalSince(now) <= maximumEffectiveDelay }) else {
            throw LetterRejection(rule: "effective-time-too-far",
                                  detail: "virkningstidspunkt is more than \(Int(maximumEffectiveDelay / 86_400)) "
                                      + "days ahead; send the letter closer to the day it should appear")
        }
    }

    /// Every `text/html` document passes `HTMLContentRules`, every `application/ehf+xml` document is
    /// well-formed XML.
    func checkDocuments(of package: VerifiedASiCE) throws(LetterRejection) {
        for file in package.documents {
            switch file.mimeType.lowercased() {
            case "text/html":
                if let problem = HTMLContentRules.problem(in: try contents(of: file.href, in: package)) {
                    throw LetterRejection(rule: "html-content", detail: "an HTML document \(problem) (spec 7.5)")
                }
            case "application/ehf+xml":
                guard Self.isWellFormedXML(try contents(of: file.href, in: package)) else {
                    throw LetterRejection(rule: "ehf-not-xml", detail: "an EHF document is not well-formed XML")
                }
            default:
                continue
            }
        }
    }

    /// The bytes of the package file `name` (present: the package was verified against its manifest).
    private func contents(of name: String, in package: VerifiedASiCE) throws(LetterRejection) -> Data {
        try LetterRejection.naming { try package.contents(of: name) }
    }

    /// Whether `data` parses as XML. corelibs' `XMLParser.parse()` can answer true after a fatal error, so its
    /// `parserError` decides.
    private static func isWellFormedXML(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        return parser.parse() && parser.parserError == nil
    }

    /// Midnight in Norway starting `virkningsdato` (`YYYY-MM-DD`).
    private static func startOfDay(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = Timestamp.norway
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}
