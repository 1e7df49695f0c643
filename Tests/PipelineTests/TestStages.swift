import Foundation
import Pipeline

/// A stage that applies a closure, for wiring test pipelines.
struct Map<Input: Sendable, Output: Sendable>: Stage {
    let transform: @Sendable (Input) throws -> Output

    init(_ transform: @escaping @Sendable (Input) throws -> Output) {
        self.transform = transform
    }

    func process(_ input: Input, worker: Void) throws -> Output {
        try transform(input)
    }
}

/// The error test stages throw.
struct StageFailure: Error, Equatable {
    let item: Int
}
