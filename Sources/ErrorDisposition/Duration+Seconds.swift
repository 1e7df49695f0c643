extension Duration {
    /// The duration in seconds as a `Double`, for `Thread.sleep(forTimeInterval:)` and date arithmetic.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
