/// What the runtime should do with work that failed. Every module's error type carries one, so the
/// pipeline can act on any failure without knowing which library raised it (STYLE.md, "Errors").
public enum Disposition: Sendable, Hashable {
    /// Transient (connection lost, timeout, 429, 5xx, serialization failure): try the same work again
    /// later, with backoff.
    case retry
    /// This item is bad (invalid data, a certificate that fails validation): record why on the item
    /// and go on with the others.
    case reject
    /// Configuration or programmer error: stop before doing more work.
    case abort
}

/// An error that says what should be done about it.
public protocol ClassifiedError: Error {
    /// What the runtime should do with the work that failed.
    var disposition: Disposition { get }
}
