public import Foundation
import HTTP
import PKI
import Postgres

/// Checks that a configuration can work before anything is sent (`dpi-batch check`): every key is
/// set, the database answers and its schema is current, the keystore opens and holds an enterprise
/// certificate that chains to the trust anchors, and every URL is one the HTTP client will use.
///
/// It only reads: it never changes the database and contacts nothing but the database.
public struct ConfigurationCheck {
    /// The verdict on one part of the configuration.
    public struct Finding: Sendable, Equatable {
        /// What was checked: a key name, or `database`, `keystore`, `trust anchors`.
        public let subject: String
        /// Whether it is usable.
        public let passed: Bool
        /// What was found, or what is wrong and how to fix it. Never a password or key material.
        public let detail: String
    }

    private let configuration: Configuration
    private let migrations: [Migration]
    private let now: Date

    /// A check of `configuration` against the schema of `migrations`, judging certificate validity at `now`.
    public init(_ configuration: Configuration, migrations: [Migration], now: Date = Date()) {
        self.configuration = configuration
        self.migrations = migrations
        self.now = now
    }

    /// Every finding, failed ones included; the configuration is usable when all passed.
    public func run() -> [Finding] {
        var findings = Configuration.Key.allCases.filter { configuration[$0] == nil }.map {
            Finding(subject: $0.rawValue, passed: false, detail: "not set")
        }
        if let url = configuration[.databaseURL] {
            findings.append(checkDatabase(url))
        }
        if let keystore = configuration[.keystore], let password = configuration[.keystorePassword] {
            let (finding, identity) = checkKeystore(keystore, password: password)
            findings.append(finding)
            if let identity, let anchors = configuration[.trustAnchors] {
                findings.append(checkTrust(of: identity, anchors: anchors))
            }
        }
        for key in [Configuration.Key.accessPointURL, .krrURL, .maskinportenTokenURL] {
            if let url = configuration[key] {
                findings.append(checkURL(url, key: key))
            }
        }
        return findings
    }

    private func checkDatabase(_ url: String) -> Finding {
        do {
            let migrator = SchemaMigrator(connection: try Connection(url))
            let pending = try migrator.pending(migrations)
            guard pending.isEmpty else {
                return Finding(subject: "database", passed: false,
                               detail: "\(pending.count) migration(s) not applied (first: \(pending[0].fileName)); "
                                   + "run dpi-batch migrate")
            }
            return Finding(subject: "database", passed: true,
                           detail: "connected; schema dpi at version \(migrations.last?.version ?? 0)")
        } catch {
            return Finding(subject: "database", passed: false, detail: "\(error)")
        }
    }

    private func checkKeystore(_ path: String, password: String) -> (Finding, Identity?) {
        let identity: Identity
        do {
            identity = try Identity(pkcs12File: URL(fileURLWithPath: path), password: password)
        } catch {
            return (Finding(subject: "keystore", passed: false, detail: "\(path): \(error)"), nil)
        }
        let certificate = identity.certificate
        guard let organisation = certificate.organisationNumber else {
            return (Finding(subject: "keystore", passed: false,
                            detail: "\(certificate.subject) carries no organisation number: "
                                + "DPI needs an enterprise certificate (virksomhetssertifikat)"), identity)
        }
        let daysLeft = Int(certificate.notAfter.timeIntervalSince(now) / 86_400)
        let expiry = daysLeft < 30 ? "; expires in \(daysLeft) days: renew it" : ""
        return (Finding(subject: "keystore", passed: true,
                        detail: "organisation \(organisation), \(certificate.subject), valid until "
                            + "\(certificate.notAfter.formatted(.iso8601.year().month().day()))\(expiry)"), identity)
    }

    private func checkTrust(of identity: Identity, anchors path: String) -> Finding {
        do {
            let store = try TrustStore(anchors: try Certificate.bundle(contentsOf: URL(fileURLWithPath: path)))
            try store.verify(identity.certificate, intermediates: identity.chain, at: now)
            return Finding(subject: "trust anchors", passed: true,
                           detail: "the keystore's certificate chains to one of the \(store.anchors.count) anchor(s)")
        } catch {
            return Finding(subject: "trust anchors", passed: false, detail: "\(path): \(error)")
        }
    }

    private func checkURL(_ url: String, key: Configuration.Key) -> Finding {
        do {
            try URLPolicy.validate(url)
            return Finding(subject: key.rawValue, passed: true, detail: url)
        } catch {
            return Finding(subject: key.rawValue, passed: false, detail: "\(url): \(error)")
        }
    }
}
