/// What a receive with a deadline got from a `BoundedQueue`.
public enum Received<Element> {
    /// The next element.
    case element(Element)
    /// The deadline passed with the queue still empty and open.
    case timedOut
    /// The queue is finished and drained, or cancelled: nothing more will come.
    case ended
}

extension Received: Sendable where Element: Sendable {}

extension Received: Equatable where Element: Equatable {}
