/// What no log line may hold in full (ARCHITECTURE.md: nothing secret or personal in logs), masked in every
/// message and field `Logger` writes: a run of exactly 11 digits (a national identity number or D-number)
/// keeps its first 6 digits (`010190*****`), a bearer token becomes `Bearer ***`, and anything shaped like a
/// JWT (`eyJ…`, a base64url JSON header) becomes `eyJ***`.
public enum LogMasking {
    /// `text` with person ids, bearer tokens and JWTs masked; anything else unchanged.
    public static func mask(_ text: String) -> String {
        return maskPersonIds(maskTokens(text))
    }

    /// `Bearer <token>` (any case) → `Bearer ***`, then `eyJ…` → `eyJ***`.
    private static func maskTokens(_ text: String) -> String {
        var masked = text.replacing(/(?i)(bearer)\s+[^\s"',;]+/) { "\($0.output.1) ***" }
        masked = masked.replacing(/eyJ[A-Za-z0-9_\-.=+\/]+/) { _ in "eyJ***" }
        return masked
    }

    /// Every run of exactly 11 ASCII digits keeps its first 6; longer or shorter runs are not person ids.
    private static func maskPersonIds(_ text: String) -> String {
        var out = ""
        var digits = ""
        func flush() {
            out += digits.count == 11 ? digits.prefix(6) + "*****" : digits
            digits = ""
        }
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }
}
