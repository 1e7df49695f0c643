import DPI
import Foundation
import HTTP
import Simulator
import TestSupport
import Testing

/// Spec 15 item 10: the provider validates the received `manifest.xml` against the official
/// `sdp-manifest.xsd`; a package whose manifest breaks the schema is refused as `manifest-schema`.
@Suite("Gap: manifest validated against sdp-manifest.xsd")
struct GapManifestSchemaTests {
    @Test("a letter whose manifest.xml conforms to sdp-manifest.xsd is accepted")
    func conformingManifestAccepted() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let response = try fixture.send(fixture.digitalLetter(token: token), token: token)
        #expect(response.status == 201, "\(response.text)")
    }

    @Test("a manifest whose organisation authority is outside the schema's enumeration is refused: manifest-schema")
    func unknownElementRefused() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let (jwt, cms) = try GapRepackager().repackage(fixture.digitalLetter(token: token)) { files in
            let manifest = String(decoding: files["manifest.xml"] ?? Data(), as: UTF8.self)
            files["manifest.xml"] = Data(manifest.replacingOccurrences(of: #"authority="iso6523-actorid-upis""#,
                                                                       with: #"authority="annen""#).utf8)
        }
        let response = try fixture.send(jwt: jwt, cms: cms, token: token)
        #expect(response.status == 400, "\(response.text)")
        #expect(AccessPointFixture.rule(of: response) == "manifest-schema", "\(response.text)")
        #expect(try fixture.report().rejected == ["manifest-schema": 1])
    }

    @Test("the repackaged letter itself is accepted when the manifest is left alone (the test's control)")
    func repackagedUnchangedAccepted() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let (jwt, cms) = try GapRepackager().repackage(fixture.digitalLetter(token: token)) { _ in }
        let response = try fixture.send(jwt: jwt, cms: cms, token: token)
        #expect(response.status == 201, "\(response.text)")
    }

    @Test("SchemaValidator refuses a manifest without hoveddokument and a missing schema file")
    func validatorRules() throws {
        let validator = try SchemaValidator(xsd: AccessPointFixture.manifestSchema)
        let manifest = #"<manifest xmlns="http://begrep.difi.no/sdp/schema_v10"><avsender>"#
            + #"<organisasjon authority="iso6523-actorid-upis">0192:991825827</organisasjon></avsender></manifest>"#
        let violation = #expect(throws: DPIError.self) {
            try validator.validate(Data(manifest.utf8), what: "manifest.xml")
        }
        #expect(violation?.code == .schemaViolation)
        #expect(violation?.debugDescription.contains("hoveddokument") == true, "\(String(reflecting: violation))")
        let unusable = #expect(throws: DPIError.self) {
            try SchemaValidator(xsd: URL(fileURLWithPath: "/nonexistent/sdp-manifest.xsd"))
        }
        #expect(unusable?.code == .unusableSchema)
    }
}
