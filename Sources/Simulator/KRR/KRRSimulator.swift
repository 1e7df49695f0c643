public import DPI
public import Foundation
public import HTTP
public import PKI

/// The simulated contact register (KRR): `POST /rest/v1|v2/personer` answers from a seed with the fields
/// of spec 4.2, `GET /rest/v2/printSertifikat` names the print provider (spec 4.4). Lookups need a bearer
/// token from the simulated Maskinporten with a KRR scope; data classes whose scope the token lacks are
/// left out (spec 17.2).
public final class KRRSimulator: Sendable {
    /// A mailbox or print provider: its organisation number and the certificate KRR hands out for it.
    public struct Provider: Sendable {
        /// The provider's organisation (`postkasseleverandoeradresse`).
        public var organisation: OrganisationNumber
        /// The certificate letters for this provider are encrypted to.
        public var certificate: Certificate

        /// A provider of `organisation` with `certificate`.
        public init(organisation: OrganisationNumber, certificate: Certificate) {
            self.organisation = organisation
            self.certificate = certificate
        }
    }

    /// How certificates are written in `sertifikat` and `x509Sertifikat`.
    public enum CertificateEncoding: Sendable {
        /// PEM text with `\n` line breaks, as spec 4.2 and the reference show.
        case pem
        /// Bare standard base64 of the DER, which a sender must accept as well (spec 4.2).
        case base64DER
    }

    /// The register's content and the providers it points to.
    public struct Configuration: Sendable {
        /// The persons the register knows.
        public var seed: KRRSeed
        /// The Digipost mailbox provider (984661185 in the test PKI).
        public var digipost: Provider
        /// The e-Boks mailbox provider (922020175 in the test PKI).
        public var eboks: Provider
        /// The print provider returned by `printSertifikat` (974761076 in the test PKI).
        public var printProvider: Provider
        /// How certificates are written; PEM by default.
        public var certificateEncoding: CertificateEncoding
        /// Whether `printSertifikat` demands a bearer token; the reference calls it without one (spec 4.4).
        public var printCertificateRequiresToken: Bool
        /// The current time, from which contact timestamps are dated.
        public var clock: @Sendable () -> Date

        /// A register of `seed` pointing to the given providers.
        public init(seed: KRRSeed, digipost: Provider, eboks: Provider, printProvider: Provider,
                    certificateEncoding: CertificateEncoding = .pem, printCertificateRequiresToken: Bool = false,
                    clock: @escaping @Sendable () -> Date = { Date() }) {
            self.seed = seed
            self.digipost = digipost
            self.eboks = eboks
            self.printProvider = printProvider
            self.certificateEncoding = certificateEncoding
            self.printCertificateRequiresToken = printCertificateRequiresToken
            self.clock = clock
        }
    }

    /// The scope for e-mail, mobile, timestamps, `varslingsstatus` and `spraak`.
    public static let contactInformationScope = "krr:global/kontaktinformasjon.read"
    /// The scope for the mailbox address and certificate.
    public static let digitalPostScope = "krr:global/digitalpost.read"
    /// The most identifiers one lookup may carry (spec 4.1).
    public static let maximumIdentifiers = 1000

    /// The settings the register was made with.
    public let configuration: Configuration
    private let tokenValidator: TokenValidator
    private let persons: [String: KRRSeed.Person]
    /// `sertifikat` of Digipost and e-Boks persons and `x509Sertifikat`, encoded once.
    private let digipostCertificate, eboksCertificate, printCertificateText: String

    /// A register answering from `configuration.seed`, accepting tokens `tokenValidator` accepts.
    /// Throws `.malformedSeed` for an invalid or repeated identifier in the seed.
    public init(configuration: Configuration, tokenValidator: TokenValidator) throws {
        persons = try configuration.seed.personsByID()
        let encode = { Self.text(of: $0, encoding: configuration.certificateEncoding) }
        digipostCertificate = encode(configuration.digipost.certificate)
        eboksCertificate = encode(configuration.eboks.certificate)
        printCertificateText = encode(configuration.printProvider.certificate)
        self.configuration = configuration
        self.tokenValidator = tokenValidator
    }

    /// Serves the lookup (v1 and v2) and the print certificate on `router`.
    public func register(on router: inout SimulatorRouter) {
        router.add("POST", "/rest/v1/personer", handler: lookup)
        router.add("POST", "/rest/v2/personer", handler: lookup)
        router.add("GET", "/rest/v2/printSertifikat", handler: printCertificate)
    }

    /// `POST /rest/v2/personer`: `{"personer":[...]}` for the known persons among 1...1000 identifiers;
    /// 401/403 for a missing or insufficient token, 400 problem+json for a malformed body.
    public func lookup(_ request: HTTPServerRequest) -> HTTPResponse {
        let token: MaskinportenToken
        do {
            token = try tokenValidator.authorize(request, anyOf: [Self.contactInformationScope, Self.digitalPostScope])
        } catch {
            return error.response
        }
        let identifiers: [String]
        do {
            identifiers = try Self.identifiers(in: request)
        } catch {
            return error.response()
        }
        let now = configuration.clock()
        let contactScope = token.hasScope(Self.contactInformationScope)
        let digitalPostScope = token.hasScope(Self.digitalPostScope)
        let records = identifiers.compactMap { id -> KRRPersonRecord? in
            guard let person = persons[id], person.category != .unknown else { return nil }
            let (mailbox, certificate) = mailboxProvider(of: person.category)
            return KRRPersonRecord(person: person, mailbox: mailbox, certificate: certificate, now: now,
                                   contactScope: contactScope, digitalPostScope: digitalPostScope)
        }
        return .json((try? JSONEncoder.simulator.encode(["personer": records])) ?? Data())
    }

    /// `GET /rest/v2/printSertifikat`: `{"postkasseleverandoerAdresse","x509Sertifikat"}` (spec 4.4).
    public func printCertificate(_ request: HTTPServerRequest) -> HTTPResponse {
        if configuration.printCertificateRequiresToken {
            do {
                _ = try tokenValidator.authorize(request, anyOf: [Self.contactInformationScope, Self.digitalPostScope])
            } catch {
                return error.response
            }
        }
        let body = ["postkasseleverandoerAdresse": configuration.printProvider.organisation.rawValue,
                    "x509Sertifikat": printCertificateText]
        return .json((try? JSONEncoder.simulator.encode(body)) ?? Data())
    }

    /// The mailbox provider of a person at Digipost or e-Boks and its encoded certificate; nil for the others.
    private func mailboxProvider(of category: KRRCategory) -> (Provider?, String?) {
        switch category {
        case .digipost: (configuration.digipost, digipostCertificate)
        case .eboks: (configuration.eboks, eboksCertificate)
        default: (nil, nil)
        }
    }

    private static func text(of certificate: Certificate, encoding: CertificateEncoding) -> String {
        let base64 = certificate.der.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        switch encoding {
        case .pem: return "-----BEGIN CERTIFICATE-----\n\(base64)\n-----END CERTIFICATE-----\n"
        case .base64DER: return certificate.der.base64EncodedString()
        }
    }
}
