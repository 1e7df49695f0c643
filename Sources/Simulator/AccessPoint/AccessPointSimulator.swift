import Foundation
import DPI
import HTTP
import Synchronization

/// The simulated access point (corner 2) with the mailbox and print providers behind it (corner 4), per
/// `dpi-reference/api/openapi_spec.yaml` and spec 10, 15, 16, 17.3-17.4: it accepts letters only after every
/// check the receiving side makes, keeps them in memory, answers transport statuses, and queues signed
/// receipts from the provider that got each letter, with faults injected on request.
///
/// Thread-safe: the store and the fault injector are behind locks; everything else is immutable.
public final class AccessPointSimulator: Sendable {
    /// The scope every endpoint demands (spec 10.1).
    public static let sendScope = "digitalpostinnbygger:send"

    /// The settings it was made with.
    public let configuration: Configuration
    let tokenValidator: TokenValidator
    /// Digipost, e-Boks, print: the corner 4s letters can be addressed to.
    let providers: [SimulatedProvider]
    /// The checks every letter passes before it is stored.
    let admission: LetterAdmission
    let directory: MailboxDirectory
    let store = LetterStore()
    let faults: FaultInjector
    /// Told of each acknowledgement before it is applied (`observeAcknowledgements(_:)`).
    let acknowledgementObserver = Mutex<AcknowledgementObserver?>(nil)
    /// Run once enough letters are accepted (`whenAccepted(letters:perform:)`).
    let acceptanceTrigger = AcceptanceTrigger()

    /// An access point accepting bearer tokens `tokenValidator` accepts. Throws `.invalidConfiguration` when
    /// a provider certificate has no organisation number or the manifest schema cannot be compiled,
    /// `.malformedSeed` for a bad seed.
    public init(configuration: Configuration, tokenValidator: TokenValidator) throws {
        _ = try configuration.seed.personsByID()
        self.configuration = configuration
        self.tokenValidator = tokenValidator
        providers = [
            try SimulatedProvider(identity: configuration.digipost, mailboxCategory: .digipost),
            try SimulatedProvider(identity: configuration.eboks, mailboxCategory: .eboks),
            try SimulatedProvider(identity: configuration.printProvider, mailboxCategory: nil),
        ]
        admission = LetterAdmission(providers: providers, trustStore: configuration.trustStore,
                                    intermediates: configuration.intermediates, verifies: !configuration.acceptOnly,
                                    manifestSchema: try Self.manifestSchema(at: configuration.manifestSchema),
                                    maximumEffectiveDelay: configuration.maximumEffectiveDelay,
                                    registeredSenders: configuration.registeredSenders,
                                    clock: configuration.clock)
        directory = MailboxDirectory(seed: configuration.seed)
        faults = FaultInjector(settings: configuration.faults)
    }

    /// What it has seen so far.
    public var report: AccessPointReport { store.report }

    /// Serves the access point API and `GET /simulator/report` on `router`.
    public func register(on router: inout SimulatorRouter) {
        router.add("POST", "/messages/out", parameterised: guarded { [self] request, token, _ in
            send(request, token: token)
        })
        router.add("GET", "/messages/out/{id}/statuses", parameterised: guarded { [self] _, token, parameters in
            statuses(token: token, id: parameters["id"])
        })
        router.add("GET", "/messages/in", parameterised: guarded { [self] request, token, _ in
            inbox(request, token: token)
        })
        router.add("GET", "/messages/in/{id}", parameterised: guarded { [self] _, _, _ in download() })
        router.add("POST", "/messages/in/{id}/read", parameterised: guarded { [self] _, token, parameters in
            markRead(token: token, id: parameters["id"])
        })
        router.add("GET", "/simulator/report", handler: { [self] _ in
            .json((try? JSONEncoder.simulator.encode(report)) ?? Data())
        })
    }

    /// An access point endpoint: the request, the caller's validated token, the path's placeholder values.
    typealias AuthorizedHandler = @Sendable (HTTPServerRequest, MaskinportenToken, [String: String]) -> HTTPResponse

    /// `handler` behind the injected latency, the rate limit (429 with `Retry-After: 1`) and the bearer token
    /// with the send scope (401/403, spec 10.1).
    private func guarded(_ handler: @escaping AuthorizedHandler) -> SimulatorRouter.ParameterisedHandler {
        { [self] request, parameters in
            if configuration.faults.latency > 0 {
                Thread.sleep(forTimeInterval: configuration.faults.latency)
            }
            if faults.isOverRate(at: configuration.clock()) {
                store.count { $0.tooManyRequests += 1 }
                return ProblemDetails(status: 429, title: "Too Many Requests",
                                      detail: "more than \(configuration.faults.requestsPerSecond ?? 0) requests "
                                          + "per second; retry after the time in Retry-After")
                    .response(headers: ["Retry-After": "1"])
            }
            switch authorize(request) {
            case .success(let token): return handler(request, token, parameters)
            case .failure(let rejection): return rejection.response
            }
        }
    }

    /// The caller's token with the send scope, or the 401/403 answer (counted as a rejection).
    private func authorize(_ request: HTTPServerRequest) -> Result<MaskinportenToken, TokenRejection> {
        do throws(TokenRejection) {
            let token = try tokenValidator.authorize(request, anyOf: [Self.sendScope])
            if let agreements = configuration.agreements,
               !agreements.contains(token.sendingParty.organisationNumber ?? "") {
                throw TokenRejection(status: 403, error: "insufficient_scope",
                                     reason: "the sending organisation has no agreement with this access point")
            }
            return .success(token)
        } catch {
            store.count { $0.rejected[error.status == 401 ? "unauthorized" : "forbidden", default: 0] += 1 }
            return .failure(error)
        }
    }

    /// The compiled manifest schema at `url`, or nil without one; an unusable file is `.invalidConfiguration`.
    private static func manifestSchema(at url: URL?) throws -> SchemaValidator? {
        guard let url else { return nil }
        do {
            return try SchemaValidator(xsd: url)
        } catch {
            throw SimulatorError(.invalidConfiguration, "the manifest schema (sdp-manifest.xsd) cannot be used")
        }
    }

    /// The organisations a token speaks for: its consumer and, for a data processor, its supplier.
    static func owners(of token: MaskinportenToken) -> Set<String> {
        Set([token.consumer.organisationNumber, token.supplier?.organisationNumber].compactMap { $0 })
    }
}
