import Foundation

extension PipelineDefinition {
    /// How fast a run sends (`throughput`).
    public struct Throughput: Codable, Sendable, Equatable {
        /// Submissions per second to the access point (default 200; must be > 0).
        public let messagesPerSecond: Double
        /// Submissions awaiting an answer at once (default 32; at least 1).
        public let maxInFlight: Int
        /// Threads building and encrypting letters; 0 (the default) means one per core.
        public let buildWorkers: Int

        init(messagesPerSecond: Double = 200, maxInFlight: Int = 32, buildWorkers: Int = 0) {
            self.messagesPerSecond = messagesPerSecond
            self.maxInFlight = maxInFlight
            self.buildWorkers = buildWorkers
        }

        enum CodingKeys: String, CodingKey {
            case messagesPerSecond, maxInFlight, buildWorkers
        }

        /// Reads the keys present, with the defaults above for the others.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            messagesPerSecond = try container.decodeIfPresent(Double.self, forKey: .messagesPerSecond) ?? 200
            maxInFlight = try container.decodeIfPresent(Int.self, forKey: .maxInFlight) ?? 32
            buildWorkers = try container.decodeIfPresent(Int.self, forKey: .buildWorkers) ?? 0
        }

        /// The number of build threads: `buildWorkers`, or the number of active cores when it is 0.
        public var buildWorkerCount: Int {
            buildWorkers > 0 ? buildWorkers : max(1, ProcessInfo.processInfo.activeProcessorCount)
        }
    }
}
