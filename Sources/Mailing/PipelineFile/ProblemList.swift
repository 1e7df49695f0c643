/// The problems found in a pipeline definition so far. A section that could not be read (wrong JSON
/// shape) has its problem recorded once; validation problems inside that section are then left out,
/// because they would only describe the defaults standing in for it.
struct ProblemList {
    private(set) var problems: [PipelineError.Problem]
    private let unreadableSections: Set<Substring>

    init(decodingProblems: [PipelineError.Problem]) {
        problems = decodingProblems
        unreadableSections = Set(decodingProblems.map { Self.section(of: $0.field) })
    }

    /// Records that `field` breaks a rule, unless its section could not be read or the same problem
    /// is already recorded.
    mutating func add(_ field: String, _ message: String) {
        guard !unreadableSections.contains(Self.section(of: field)) else { return }
        let problem = PipelineError.Problem(field: field, message: message)
        if !problems.contains(problem) { problems.append(problem) }
    }

    /// Records `message` for `field` unless `condition` holds.
    mutating func require(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
        if !condition { add(field, message()) }
    }

    /// The problems ordered by section as the file lists them (decoding problems are found first).
    var inFieldOrder: [PipelineError.Problem] {
        let order = ["(file)", "name", "sender", "letter", "print", "throughput", "schedule", "baseDirectory"]
        func rank(_ problem: PipelineError.Problem) -> Int {
            order.firstIndex(of: String(Self.section(of: problem.field))) ?? order.count
        }
        return problems.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }

    /// Whether `field` already has a problem.
    func hasProblem(at field: String) -> Bool {
        problems.contains { $0.field == field }
    }

    private static func section(of field: String) -> Substring {
        field.prefix { $0 != "." && $0 != "[" }
    }
}
