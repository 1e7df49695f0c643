/// How an entry's content is stored: the two methods ASiC-E packages use (APPNOTE 4.4.5).
public enum ZIPMethod: UInt16, Sendable {
    /// Method 0: the content as is. ASiC-E requires it for `mimetype`.
    case stored = 0
    /// Method 8: raw deflate (RFC 1951).
    case deflated = 8
}
