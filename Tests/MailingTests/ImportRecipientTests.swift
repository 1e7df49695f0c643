import Foundation
import Synchronization
import Testing
import TestSupport

@testable import Mailing

@Suite struct ImportRecipientTests {
    private static let ids = ImportPersonIDs.make(8, synthetic: true)

    /// Good rows on lines 2, 3, 5 and 12; every other row breaks one rule.
    private static let mixedCSV = #"""
        external_ref,person_id,name,address_line1,address_line2,postal_code,city,country_code,document_path,kommune,\#
        beløp
        r1,\#(ids[0]),Ola Nordmann,Gate 1,,0001,OSLO,,,Oslo,"1 234,00"
        r2,,Kari Nordmann,Street 2,"Line ""two""",,,se,,Bergen,5
        r3,12345678901,X,Gate 3,,0001,OSLO,,,,
        r4,\#(ids[1]),,,,,,,,,
        r1,\#(ids[2]),Dup,Gate 5,,0001,OSLO,,,,
        ,\#(ids[3]),Empty,Gate 6,,0001,OSLO,,,,
        r7,,Nobody,,,,,,,,
        r8,\#(ids[4]),Z,Gate 8,,,,NOR,,,
        r9,\#(ids[5]),Q,Gate 9,,0001,OSLO,,missing.pdf,,
        r10,too,few
        r11,\#(ids[6]),"W
        on two lines",Gate 11,,0001,OSLO,NO,letter.pdf,,

        """#

    @Test func goodRowsAreImportedWithDeliveriesAndBadRowsReportedByLine() throws {
        try ImportFixture.with { fixture in
            try fixture.csv(Self.mixedCSV)
            let summary = try fixture.run()
            #expect(summary.imported == 4)
            #expect(summary.rejectedCount == 7)
            #expect(summary.rejectedRows.map(\.description) == [
                "line 4: person_id: control digits do not match (modulus 11); check for a typing error",
                "line 6: external_ref: repeats the value of line 2",
                "line 7: external_ref: is empty",
                "line 8: has neither person_id nor address_line1: the letter could not be sent",
                "line 9: country_code: must be two letters (ISO 3166-1 alpha-2), e.g. SE",
                "line 10: document_path: file not found: "
                    + fixture.pipeline.folder.appendingPathComponent("missing.pdf").standardizedFileURL.path,
                "line 11: has 3 fields, the header has 11",
            ])
            #expect(!summary.rejectedRows.contains { $0.description.contains("12345678901") })

            let job = try fixture.psql("SELECT id, name, state, pipeline->>'baseDirectory' FROM dpi.mailing_job")
            let folder = fixture.pipeline.folder.standardizedFileURL.path
            #expect(job == "\(summary.jobID)|property-tax-2027|ready|\(folder)")
            let rows = try fixture.psql("""
                SELECT r.external_ref, coalesce(r.person_id, '-'), replace(coalesce(r.name, '-'), E'\\n', '\\n'),
                       coalesce(r.address_lines::text, '-'),
                       coalesce(r.country_code, '-'), coalesce(r.document_path, '-'), r.merge::text, d.state
                FROM dpi.recipient r JOIN dpi.delivery d ON d.recipient_id = r.id ORDER BY r.id
                """)
            #expect(rows.split(separator: "\n").map(String.init) == [
                #"r1|\#(Self.ids[0])|Ola Nordmann|{"Gate 1"}|-|-|{"beløp": "1 234,00", "kommune": "Oslo"}|pending"#,
                #"r2|-|Kari Nordmann|{"Street 2","Line \"two\""}|SE|-|{"beløp": "5", "kommune": "Bergen"}|pending"#,
                #"r4|\#(Self.ids[1])|-|-|-|-|{"beløp": "", "kommune": ""}|pending"#,
                #"r11|\#(Self.ids[6])|W\non two lines|{"Gate 11"}|-|letter.pdf|{"beløp": "", "kommune": ""}|pending"#,
            ])
        }
    }

    @Test func strictImportWithABadRowWritesNothingAndListsEveryBadRow() throws {
        try ImportFixture.with { fixture in
            try fixture.csv(Self.mixedCSV)
            let error = #expect(throws: ImportError.self) { try fixture.run(strict: true) }
            #expect(error?.code == .strictRefused(rejected: 7))
            #expect(error?.rejectedRows.map(\.line) == [4, 6, 7, 8, 9, 10, 11])
            let written = "SELECT (SELECT count(*) FROM dpi.mailing_job) + (SELECT count(*) FROM dpi.recipient)"
            #expect(try fixture.psql(written) == "0")
        }
    }

    @Test func headerErrorsRefuseTheWholeImport() throws {
        try ImportFixture.with { fixture in
            for (header, code) in [
                ("person_id,name", ImportError.Code.missingExternalRef),
                ("external_ref,name,NAME", .duplicateColumn("NAME")),
                ("external_ref,,name", .emptyColumnName(position: 2)),
                ("", .emptyFile),
            ] {
                try fixture.csv(header.isEmpty ? "" : header + "\nr1,x,y\n")
                let error = #expect(throws: ImportError.self) { try fixture.run() }
                #expect(error?.code == code, "\(header)")
            }
            #expect(try fixture.psql("SELECT count(*) FROM dpi.mailing_job") == "0")
        }
    }

    @Test func invalidPipelineRefusesBeforeAnythingIsWritten() throws {
        try ImportFixture.with { fixture in
            try fixture.pipeline.write(["letter.securityLevel": "5"])
            try fixture.csv("external_ref,person_id\nr1,\(Self.ids[0])\n")
            let error = #expect(throws: PipelineError.self) { try fixture.run() }
            #expect(error?.problems.map(\.field) == ["letter.securityLevel"])
            #expect(try fixture.psql("SELECT count(*) FROM dpi.mailing_job") == "0")
        }
    }

    @Test func syntheticPersonIDsAreRejectedWhenNotAllowedAndAllBadIsNothingToImport() throws {
        try ImportFixture.with { fixture in
            try fixture.csv("external_ref,person_id\nr1,\(Self.ids[0])\n")
            let error = #expect(throws: ImportError.self) { try fixture.run(allowSynthetic: false) }
            #expect(error?.code == .nothingToImport(rejected: 1))
            #expect(error?.rejectedRows.first?.reason.contains("synthetic") == true)
            let real = ImportPersonIDs.make(1, synthetic: false)[0]
            try fixture.csv("external_ref,person_id\nr1,\(real)\n")
            let summary = try fixture.run(name: "real ids", allowSynthetic: false)
            #expect(summary.imported == 1)
            #expect(try fixture.psql("SELECT name FROM dpi.mailing_job WHERE id = \(summary.jobID)") == "real ids")
        }
    }

    @Test func hundredThousandRowsImportWithProgressEveryTenThousand() throws {
        try ImportFixture.with { fixture in
            var text = "external_ref,name,address_line1,postal_code,city,segment\n"
            text.reserveCapacity(6_000_000)
            for index in 0..<100_000 {
                text += "ref-\(index),Person \(index),Gate \(index % 300),0001,OSLO,s\(index % 7)\n"
            }
            try fixture.csv(text)
            let reported = Mutex<[Int]>([])
            let summary = try fixture.run { rows in reported.withLock { $0.append(rows) } }
            #expect(summary.imported == 100_000 && summary.rejectedCount == 0)
            #expect(reported.withLock { $0 } == Array(stride(from: 10_000, through: 100_000, by: 10_000)))
            #expect(try fixture.psql("SELECT count(*) FROM dpi.delivery WHERE job_id = \(summary.jobID)") == "100000")
        }
    }
}
