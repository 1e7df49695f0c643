// swift-tools-version:6.0
import PackageDescription

/// Every Swift target: language mode 6 and `InternalImportsByDefault`, so a C type can never leak
/// into a public signature (STYLE.md, "C confinement").
let strict: [SwiftSetting] = [.enableUpcomingFeature("InternalImportsByDefault")]

let package = Package(
    name: "dpi-batch",
    products: [
        .executable(name: "dpi-batch", targets: ["dpi-batch"]),
        .library(name: "Postgres", targets: ["Postgres"]),
        .library(name: "PKI", targets: ["PKI"]),
        .library(name: "HTTP", targets: ["HTTP"]),
    ],
    targets: [
        // System libraries: a module map and a shim header each, imported by exactly one Swift module.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // What to do about a failure (retry / reject / abort): shared by every module's error type.
        .target(name: "ErrorDisposition", swiftSettings: strict),

        // Safe wrappers: no C type in any public signature.
        .target(name: "Postgres", dependencies: ["CLibPQ", "ErrorDisposition"], swiftSettings: strict),
        .target(name: "PKI", dependencies: ["COpenSSL", "ErrorDisposition"], swiftSettings: strict),
        .target(name: "HTTP", dependencies: ["CCurl", "ErrorDisposition"], swiftSettings: strict),

        // The DPI formats: identifiers, business messages, JWS, ZIP, ASiC-E, document package.
        .target(name: "DPI", dependencies: ["ErrorDisposition", "PKI", "CZlib", "CXML2"], swiftSettings: strict),

        // The local simulator of Maskinporten, KRR and the access point (`dpi-batch simulate`).
        .target(name: "Simulator", dependencies: ["ErrorDisposition", "HTTP", "PKI", "DPI"], swiftSettings: strict),

        // KRR lookup, the Maskinporten token client and the digital / print / unreachable decision.
        .target(name: "Routing", dependencies: ["ErrorDisposition", "HTTP", "PKI", "DPI"], swiftSettings: strict),

        // The access point client: send a letter, ask its transport status, list and acknowledge receipts.
        .target(name: "AccessPoint", dependencies: ["ErrorDisposition", "HTTP"], swiftSettings: strict),

        // The generic stage runtime: bounded queues, worker pools, backpressure, cancellation, progress, signals.
        .target(name: "Pipeline", dependencies: ["ErrorDisposition"], swiftSettings: strict),

        // The mailing job: configuration, schema, import, the run (stage wiring, job store, leases).
        .target(name: "Mailing", dependencies: ["ErrorDisposition", "Postgres", "PKI", "HTTP", "DPI", "Routing",
                                                "AccessPoint", "Pipeline"], swiftSettings: strict),

        .executableTarget(name: "dpi-batch", dependencies: ["Mailing", "Postgres", "Pipeline", "Simulator", "DPI"],
                          swiftSettings: strict),
        // The measuring half of ops/bench (benchmarks are not tests).
        .executableTarget(name: "dpi-bench", dependencies: ["DPI", "PKI", "Routing", "Simulator", "Mailing", "Postgres"],
                          swiftSettings: strict),

        // Shared by every test target: paths, temporary folders, child processes, test PKI, test databases.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"], swiftSettings: strict),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "ErrorDisposition", "TestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "PKITests", dependencies: ["PKI", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "ErrorDisposition", "TestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "CommandLineTests", dependencies: ["dpi-batch", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "DPITests", dependencies: ["DPI", "PKI", "ErrorDisposition", "TestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "HTTP", "PKI", "DPI", "TestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "Simulator", "HTTP", "PKI", "DPI", "TestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "MailingTests", dependencies: ["Mailing", "Postgres", "PKI", "DPI", "Simulator", "TestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "AccessPointTests", dependencies: ["AccessPoint", "Simulator", "Routing", "HTTP", "PKI", "DPI",
                                                             "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "TestSupport"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
