/// KRR's print provider (spec 4.4): its organisation number and certificate, as sent.
public struct PrintCertificate: Sendable, Equatable {
    /// `postkasseleverandoerAdresse`: the print provider's 9-digit organisation number.
    public var provider: String
    /// `x509Sertifikat`: its certificate, PEM (or bare base64 DER). Validate with `ProviderCertificates`.
    public var certificate: String

    /// A print provider and certificate.
    public init(provider: String, certificate: String) {
        self.provider = provider
        self.certificate = certificate
    }
}
