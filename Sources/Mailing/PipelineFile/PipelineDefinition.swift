public import Foundation

/// One kind of mailing, everything that is not per recipient (PRODUCT.md, "Pipeline definition";
/// every key is documented in `pipelines/README.md`): who sends, the letter, print, throughput and
/// the send window.
///
/// Every way to make one validates it: ``load(file:)``, ``init(json:baseDirectory:)``,
/// ``init(jobJSON:)`` and `Decodable` all throw one `PipelineError` listing every problem with its
/// field path, so nothing is sent from a definition that breaks a rule. Missing optional keys get
/// their defaults; unknown keys are ignored.
///
/// Paths (`letter.document`, attachments, a recipient's `document_path`) are relative to
/// ``baseDirectory``, the folder of the pipeline file. The `Encodable` form — what `import` stores
/// in `dpi.mailing_job.pipeline` — carries it as the extra key `"baseDirectory": "<absolute folder>"`,
/// so a run reads the job's definition back with ``init(jobJSON:)`` and resolves paths as the file did.
///
/// When `sender.onBehalfOf` is set, the letters are sent for that organisation: it is the Avsender
/// (``senderOrganisation``), and `sender.orgno` — the organisation of the keystore, which signs and
/// sends — is the Databehandler (``dataProcessor``).
public struct PipelineDefinition: Sendable, Equatable {
    /// The mailing's name; the job's default name.
    public let name: String
    /// Who sends.
    public let sender: Sender
    /// The letter every recipient gets.
    public let letter: Letter
    /// Print for citizens who cannot get digital post.
    public let print: Print
    /// How fast to send.
    public let throughput: Throughput
    /// When to send.
    public let schedule: Schedule
    /// The folder relative paths are resolved against (the pipeline file's folder).
    public let baseDirectory: URL

    /// Reads and validates a pipeline file; relative paths in it are resolved against its folder.
    ///
    /// - Throws: `PipelineError` `.unreadableFile`, or `.invalidDefinition` listing every problem.
    public static func load(file: URL, now: Date = Date()) throws(PipelineError) -> PipelineDefinition {
        let absolute = file.standardizedFileURL
        let data: Data
        do {
            data = try Data(contentsOf: absolute)
        } catch {
            let reason = FileManager.default.fileExists(atPath: absolute.path) ? "cannot be read" : "file not found"
            throw PipelineError(.unreadableFile, source: absolute.path,
                                problems: [.init(field: "(file)", message: "\(reason): \(absolute.path)")])
        }
        return try PipelineDefinition(json: data, baseDirectory: absolute.deletingLastPathComponent(),
                                      source: absolute.path, now: now)
    }

    /// Reads and validates a definition from JSON, resolving relative paths against `baseDirectory`
    /// (a `baseDirectory` key in the JSON is ignored).
    ///
    /// - Throws: `PipelineError` `.invalidDefinition` listing every problem.
    public init(json: Data, baseDirectory: URL, now: Date = Date()) throws(PipelineError) {
        try self.init(json: json, baseDirectory: baseDirectory, source: "pipeline definition", now: now)
    }

    /// Reads and validates the definition stored in a job row (`dpi.mailing_job.pipeline`), which holds
    /// its own `baseDirectory`. Checks the files again: they may have moved since the import.
    ///
    /// - Throws: `PipelineError` `.invalidDefinition` listing every problem.
    public init(jobJSON: Data, now: Date = Date()) throws(PipelineError) {
        try self.init(json: jobJSON, baseDirectory: nil, source: "the job's pipeline definition", now: now)
    }

    private init(json: Data, baseDirectory: URL?, source: String, now: Date) throws(PipelineError) {
        let sections: Sections
        do {
            sections = try JSONDecoder().decode(Sections.self, from: json)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw PipelineError(.invalidDefinition, source: source,
                                problems: [.init(field: "(file)", message: Sections.syntaxProblem(in: json))])
        } catch {
            throw PipelineError(.invalidDefinition, source: source,
                                problems: [.init(field: "(file)", message: Sections.describe(error))])
        }
        try self.init(sections, baseDirectory: baseDirectory, source: source, now: now)
    }

    init(_ sections: Sections, baseDirectory: URL?, source: String, now: Date) throws(PipelineError) {
        var problems = ProblemList(decodingProblems: sections.problems)
        let directory = baseDirectory ?? sections.baseDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
        if directory == nil {
            problems.add("baseDirectory", "required in a stored definition (the folder relative paths are resolved "
                + "against)")
        }
        self.name = sections.name ?? ""
        self.sender = sections.sender
        self.letter = sections.letter
        self.print = sections.print
        self.throughput = sections.throughput
        self.schedule = sections.schedule
        self.baseDirectory = (directory ?? URL(fileURLWithPath: "/")).standardizedFileURL
        validate(now: now, into: &problems)
        guard problems.problems.isEmpty else {
            throw PipelineError(.invalidDefinition, source: source, problems: problems.inFieldOrder)
        }
    }
}

extension PipelineDefinition: Codable {
    enum CodingKeys: String, CodingKey {
        case name, sender, letter, print, throughput, schedule, baseDirectory
    }

    /// Decodes and validates, as ``init(jobJSON:)``: the JSON must carry `baseDirectory`.
    ///
    /// - Throws: `PipelineError` listing every problem.
    public init(from decoder: any Decoder) throws {
        try self.init(try Sections(from: decoder), baseDirectory: nil, source: "pipeline definition", now: Date())
    }

    /// Every key with its value (defaults filled in), and `baseDirectory`: the form stored in a job row.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(sender, forKey: .sender)
        try container.encode(letter, forKey: .letter)
        try container.encode(print, forKey: .print)
        try container.encode(throughput, forKey: .throughput)
        try container.encode(schedule, forKey: .schedule)
        try container.encode(baseDirectory.path, forKey: .baseDirectory)
    }
}
