import Foundation
import Testing
import TestSupport

/// `ops/systemd` units pass `systemd-analyze verify`, and `ops/kubernetes/cronjob.yaml` is YAML of the
/// expected kinds.
@Suite struct OperationsUnitFileTests {
    static let systemd = Repository.root.appendingPathComponent("ops/systemd")

    /// The units copied to `folder` with ExecStart pointing at the built binary (verify needs it to exist);
    /// `edit` may break one for the negative check.
    static func copyUnits(to folder: URL, edit: (String, String) -> String = { $1 }) throws -> [String] {
        let binary = try BuiltExecutable.path()
        let names = try FileManager.default.contentsOfDirectory(atPath: systemd.path)
            .filter { $0.hasSuffix(".service") || $0.hasSuffix(".timer") }.sorted()
        for name in names {
            let text = try String(contentsOf: systemd.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("ExecStart=/usr/local/bin/dpi-batch ") || name.hasSuffix(".timer"), "\(name)")
            let copied = edit(name, text.replacingOccurrences(of: "/usr/local/bin/dpi-batch", with: binary))
            try Data(copied.utf8).write(to: folder.appendingPathComponent(name))
        }
        return names
    }

    static func verify(_ folder: URL, _ names: [String]) throws -> ChildProcess.Result {
        let paths = names.map { folder.appendingPathComponent($0).path }
        return try ChildProcess.run("systemd-analyze", ["verify", "--man=no"] + paths)
    }

    @Test func theSystemdUnitsPassSystemdAnalyzeVerify() throws {
        try TemporaryDirectory.with(prefix: "units") { folder in
            let names = try Self.copyUnits(to: folder)
            #expect(names == ["dpi-batch-receipts.service", "dpi-batch-run.service", "dpi-batch-run.timer"])
            let result = try Self.verify(folder, names)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
            let run = try String(contentsOf: folder.appendingPathComponent("dpi-batch-run.service"), encoding: .utf8)
            for hardening in ["ProtectSystem=strict", "PrivateTmp=yes", "NoNewPrivileges=yes", "User=dpi-batch",
                              "run --due", "--config /etc/dpi-batch/dpi-batch.env"] {
                #expect(run.contains(hardening), "\(hardening)")
            }
            let receipts = try String(contentsOf: folder.appendingPathComponent("dpi-batch-receipts.service"),
                                      encoding: .utf8)
            #expect(receipts.contains("Restart=always") && receipts.contains(" receipts "))
        }
    }

    @Test func verifyCatchesABrokenUnitSoTheCheckAboveCanFail() throws {
        try TemporaryDirectory.with(prefix: "units") { folder in
            let names = try Self.copyUnits(to: folder) { name, text in
                name == "dpi-batch-run.service" ? text.replacingOccurrences(of: "ProtectSystem=strict",
                                                                            with: "ProtectSystem=sometimes") : text
            }
            let result = try Self.verify(folder, names)
            #expect(result.stderr.contains("ProtectSystem") || result.stderr.contains("protect system"),
                    "\(result.stderr)")
        }
    }

    @Test func theKubernetesExampleIsYAMLWithACronJobRunningDueJobs() throws {
        let file = Repository.root.appendingPathComponent("ops/kubernetes/cronjob.yaml").path
        let script = """
            import json, sys, yaml
            docs = list(yaml.safe_load_all(open(sys.argv[1])))
            cron = next(d for d in docs if d["kind"] == "CronJob")
            container = cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
            print(json.dumps({"kinds": [d["kind"] for d in docs], "args": container["args"],
                              "policy": cron["spec"]["concurrencyPolicy"]}))
            """
        let result = try ChildProcess.succeed("python3", ["-c", script, file])
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(object["kinds"] as? [String] == ["ConfigMap", "CronJob", "Deployment"])
        #expect((object["args"] as? [String])?.prefix(2) == ["run", "--due"])
        #expect(object["policy"] as? String == "Allow")
    }
}
