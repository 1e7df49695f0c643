import Foundation
import Testing
import TestSupport

/// `status` and `report` (and the global `--log-format`) as an operator types them.
@Suite struct StatusCommandTests {
    @Test func badUsageIsRefusedWithExitTwo() throws {
        for (arguments, reason) in [
            (["report"], "--job ID is required"),
            (["report", "--job", "1", "--format", "xml"], "--format takes table, csv or json"),
            (["status", "--job", "x"], "--job takes a job id"),
            (["status", "--log-format", "xml"], "--log-format takes human or json"),
            (["run", "--due", "--now"], "--now needs --job ID"),
            (["run", "--job", "1", "--metrics-port", "70000"], "--metrics-port takes a port number"),
        ] {
            let result = try DPIBatch.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(reason), "\(arguments): \(result.stderr)")
        }
        #expect(try DPIBatch.run(["status", "--help"]).text.contains("--json"))
        #expect(try DPIBatch.run(["--help"]).text.contains("report"))
    }

    @Test func statusAndReportShowAJobAndRefuseAnUnknownOne() throws {
        try TestDatabase.withFreshDatabase { url throws in
            let environment = ["DPI_DATABASE_URL": url]
            #expect(try DPIBatch.run(["migrate"], environment: environment).status == 0)
            #expect(try DPIBatch.run(["status"], environment: environment).text.contains("no jobs yet"))
            let job = try TestDatabase.psql(url, """
                WITH j AS (INSERT INTO dpi.mailing_job (name, pipeline) VALUES ('tax', '{}') RETURNING id),
                     r AS (INSERT INTO dpi.recipient (job_id, external_ref, person_id)
                           SELECT id, 'ref,' || n, '0101901234' || n FROM j, generate_series(1, 3) n)
                SELECT id FROM j
                """)
            _ = try TestDatabase.psql(url, "UPDATE dpi.delivery SET state = 'unreachable', error = 'no \"address\"' "
                                      + "WHERE recipient_id = (SELECT min(recipient_id) FROM dpi.delivery)")

            let text = try DPIBatch.run(["status"], environment: environment)
            #expect(text.status == 0 && text.text.contains("job \(job) 'tax' ready: 1 of 3 letters done"),
                    "\(text.text)")
            let json = try DPIBatch.run(["status", "--job", job, "--json", "--log-format", "json"],
                                        environment: environment)
            let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
            #expect(object["total"] as? Int == 3 && object["state"] as? String == "ready")
            #expect((object["states"] as? [String: Int])?["pending"] == 2)
            #expect(object.keys.contains("eta_seconds") && object["eta_seconds"] is NSNull)

            let csv = try DPIBatch.run(["report", "--job", job, "--format", "csv"], environment: environment)
            #expect(csv.status == 0)
            let lines = csv.text.components(separatedBy: "\r\n")
            #expect(lines.count == 5 && lines[0].hasPrefix("recipient_id,external_ref,channel"))
            #expect(lines[1].contains(",\"ref,1\",,,unreachable,"))
            #expect(lines[1].hasSuffix(",false,\"no \"\"address\"\"\""))
            #expect(!csv.text.contains("0101901234"))
            let table = try DPIBatch.run(["report", "--job", job], environment: environment)
            #expect(table.status == 0 && table.text.split(separator: "\n").count == 4)

            for arguments in [["status", "--job", "999"], ["report", "--job", "999"]] {
                let unknown = try DPIBatch.run(arguments, environment: environment)
                #expect(unknown.status == 1 && unknown.stderr.contains("there is no job 999"), "\(arguments)")
            }
            let asJSON = try DPIBatch.run(["status", "--job", "999", "--log-format", "json"], environment: environment)
            let line = try JSONSerialization.jsonObject(with: Data(asJSON.stderr.utf8)) as? [String: String]
            #expect(asJSON.status == 1 && line?["level"] == "error" && line?["label"] == "dpi-batch status")
            #expect(line?["message"]?.contains("there is no job 999") == true, "\(asJSON.stderr)")
        }
    }
}
