public import Foundation
import CCurl

/// Parses a `Retry-After` header (RFC 9110 10.2.3), sent with 429 and 503, into a delay.
public enum RetryAfter {
    /// The delay `value` asks for, in seconds from `now`: either delay-seconds (`"120"`) or an HTTP-date
    /// (`"Sun, 06 Nov 1994 08:49:37 GMT"`, also the obsolete RFC 850 and asctime forms). A date in the past
    /// gives 0; anything unparsable gives nil, and the caller falls back to its own backoff.
    public static func delay(from value: String, now: Date = Date()) -> TimeInterval? {
        let value = value.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        if value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return Int(value).map(TimeInterval.init)
        }
        // curl_getdate understands exactly the three HTTP-date forms (and a few lenient variants).
        let epochSeconds = curl_getdate(value, nil)
        guard epochSeconds >= 0, value.contains(":") else { return nil }
        return max(0, TimeInterval(epochSeconds) - now.timeIntervalSince1970.rounded(.down))
    }
}
