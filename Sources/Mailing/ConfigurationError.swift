public import ErrorDisposition

/// Why a configuration could not be read or lacks what a command needs. Always a configuration
/// problem: nothing should be sent until it is fixed.
public struct ConfigurationError: ClassifiedError, Equatable, CustomStringConvertible {
    /// What exactly is wrong.
    public enum Code: Equatable, Sendable {
        case missing(Configuration.Key)
        case unreadableFile(path: String)
        case malformedLine(path: String, line: Int)
        case unknownKey(path: String, line: Int, name: String)
    }

    /// What exactly is wrong.
    public let code: Code

    init(_ code: Code) {
        self.code = code
    }

    /// Always `.abort`: nothing can be sent until the configuration is fixed.
    public var disposition: Disposition { .abort }

    public var description: String {
        switch code {
        case .missing(let key):
            "\(key.rawValue) is not set: set it in the environment or in the --config file"
        case .unreadableFile(let path):
            "cannot read configuration file \(path)"
        case .malformedLine(let path, let line):
            "\(path):\(line): expected KEY=value"
        case .unknownKey(let path, let line, let name):
            "\(path):\(line): unknown key \(name) (known keys: "
                + Configuration.Key.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        }
    }
}
