public import Foundation
import DPI
import HTTP
import PKI
import Postgres
import Routing

/// Everything a run needs, made from the configuration and the job's stored pipeline definition, and
/// checked before anything is sent: the keystore opens, the signing certificate belongs to the pipeline's
/// sender, trust anchors load, the URLs pass the https/loopback rule, the definition is valid and its files
/// exist. Each failure says what to fix.
public struct RunSetup {
    /// The services the stages share.
    public let services: RunServices
    /// The job's validated pipeline definition.
    public let pipeline: PipelineDefinition
    /// Options from the pipeline's `throughput` section.
    public let options: RunOptions
    /// The job's `not_before`, if set.
    public let notBefore: Date?

    /// Reads job `jobId` and prepares its run.
    public init(configuration: Configuration, jobId: Int64, logger: Logger, dryRunDirectory: URL? = nil,
                showsProgress: Bool = false) throws {
        let databaseURL = try configuration.require(.databaseURL)
        let store = JobStore(connection: try Connection(databaseURL), owner: .current())
        guard let job = try store.job(jobId) else {
            throw MailingError(.unknownJob, "there is no job \(jobId)")
        }
        guard job.state != .cancelled || dryRunDirectory != nil else {
            throw MailingError(.jobNotRunnable, "job \(jobId) was cancelled; it is not run again")
        }
        pipeline = try PipelineDefinition(jobJSON: Data(job.pipelineJSON.utf8))
        let identity = try configuration.senderIdentity()
        let anchors = try configuration.trustAnchors()
        let maskinporten = try configuration.maskinportenClient(identity: identity)
        let krr = KRRClient(configuration: .init(baseURL: try configuration.require(.krrURL)), maskinporten: maskinporten)
        let certificates = ProviderCertificates(trustStore: try TrustStore(anchors: anchors),
                                                intermediates: identity.chain)
        let template = try LetterTemplate(pipeline)
        let resolve: @Sendable (String) -> URL = { [pipeline] in pipeline.resolve($0) }
        notBefore = job.notBefore
        var services = RunServices(
            jobId: jobId, template: template, resolveDocument: resolve,
            mimeType: { DocumentFileType.mimeType(of: URL(fileURLWithPath: $0)) },
            sealer: try LetterSealer(identity: identity), maskinporten: maskinporten,
            router: Router(krr: krr, certificates: certificates), krr: krr, certificates: certificates,
            accessPointURL: try configuration.require(.accessPointURL), kanal: configuration[.kanal],
            databaseURL: databaseURL, logger: logger.labelled("job \(jobId)"))
        services.schedule = pipeline.schedule
        self.services = services
        let throughput = pipeline.throughput
        options = RunOptions(sealWorkers: throughput.buildWorkerCount, submitWorkers: throughput.maxInFlight,
                             messagesPerSecond: throughput.messagesPerSecond, dryRunDirectory: dryRunDirectory,
                             showsProgress: showsProgress)
        try checkSigner(identity)
    }

    /// The keystore must belong to the organisation that signs: the Databehandler when there is one, else
    /// the Avsender (spec 6), or every letter would be refused.
    private func checkSigner(_ identity: Identity) throws {
        let signer = pipeline.letterSender.technicalSender.rawValue
        guard identity.certificate.organisationNumber == signer else {
            throw MailingError(.invalidPipeline, "the keystore's certificate belongs to organisation "
                               + "\(identity.certificate.organisationNumber ?? "none"), but the pipeline's "
                               + "sender.orgno is \(signer); use the sender's enterprise certificate")
        }
    }
}

extension LetterTemplate {
    /// The template of a validated pipeline definition.
    init(_ pipeline: PipelineDefinition) throws {
        let letter = pipeline.letter
        let document = try pipeline.documentURL.map { url in
            Document(file: url, mimeType: try Self.mimeType(url, field: "letter.document"), title: letter.title)
        }
        let attachments = try zip(letter.attachments, pipeline.attachmentURLs).map { attachment, url in
            Document(file: url, mimeType: try attachment.mimeType ?? Self.mimeType(url, field: "letter.attachments"),
                     title: attachment.title)
        }
        var print: Print?
        if pipeline.print.enabled, let returnAddress = pipeline.print.returnAddress {
            print = Print(returnAddress: returnAddress.postalAddress, returnHandling: pipeline.print.returnHandling,
                          colour: pipeline.print.color, postType: pipeline.print.postType.messageValue)
        }
        self.init(sender: pipeline.letterSender, nonSensitiveTitle: letter.nonSensitiveTitle, title: letter.title,
                  language: letter.language, securityLevel: letter.securityLevel,
                  requestsOpeningReceipt: letter.openingReceipt,
                  effectiveAt: try letter.effectiveAt.map { try Timestamp(rfc3339: $0).date },
                  emailText: letter.notifications.email, smsText: letter.notifications.sms,
                  document: document, attachments: attachments, print: print)
    }

    private static func mimeType(_ url: URL, field: String) throws -> String {
        guard let type = DocumentFileType.mimeType(of: url) else {
            throw MailingError(.invalidPipeline, "\(field): unsupported document type .\(url.pathExtension)")
        }
        return type
    }
}
