import DPI
import Foundation
import HTTP
import Simulator
import Testing

/// The constraints of the JSON schemas the business message decoder does not enforce, checked by the access
/// point before anything is decrypted (spec 15 item 2, 17.3): a letter sealed by the real `LetterSealer`, its
/// payload edited and signed again by the sender, is refused with the field's path as the rule.
@Suite("Access point simulator: schema-level field rules")
struct AccessPointFieldRuleTests {
    /// One broken field: the rule the access point must name, and the edit of the payload's JSON body that
    /// breaks it (`digital` or `utskrift`, under `standardBusinessDocument`).
    struct FieldCase: CustomStringConvertible, Sendable {
        let rule: String
        let print: Bool
        let edit: @Sendable (inout [String: Any], inout [String: Any]) -> Void

        init(_ rule: String, print: Bool = false,
             edit: @escaping @Sendable (_ header: inout [String: Any], _ body: inout [String: Any]) -> Void) {
            self.rule = rule
            self.print = print
            self.edit = edit
        }

        var description: String { rule }
    }

    /// A valid `smsvarsel`.
    static var sms: [String: Any] {
        ["mobiltelefonnummer": "+47 99 88 77 66", "varslingstekst": "Du har post", "repetisjoner": [0, 7]]
    }
    /// A valid `epostvarsel`.
    static var email: [String: Any] {
        ["epostadresse": "ola@example.org", "varslingstekst": "Du har post", "repetisjoner": [0]]
    }
    static let scope = "standardBusinessDocumentHeader.businessScope.scope[0]"

    static let cases: [FieldCase] = [
        FieldCase("digital.sikkerhetsnivaa") { _, body in body["sikkerhetsnivaa"] = 2 },
        FieldCase("digital.spraak") { _, body in body["spraak"] = "nob" },
        FieldCase("digital.ikkesensitivtittel") { _, body in
            body["ikkesensitivtittel"] = String(repeating: "x", count: 256)
        },
        FieldCase("digital.mottaker.postkasseadresse") { _, body in body["mottaker"] = ["postkasseadresse": ""] },
        FieldCase("digital.varsler.smsvarsel.varslingstekst") { _, body in
            var sms = Self.sms
            sms["varslingstekst"] = String(repeating: "x", count: 161)
            body["varsler"] = ["smsvarsel": sms]
        },
        FieldCase("digital.varsler.smsvarsel.mobiltelefonnummer") { _, body in
            var sms = Self.sms
            sms["mobiltelefonnummer"] = "99a88b77"
            body["varsler"] = ["smsvarsel": sms]
        },
        FieldCase("digital.varsler.epostvarsel.repetisjoner") { _, body in
            var email = Self.email
            email["repetisjoner"] = [0, 26]
            body["varsler"] = ["epostvarsel": email]
        },
        FieldCase("standardBusinessDocumentHeader.documentIdentification.standard") { header, _ in
            var identification = header["documentIdentification"] as? [String: Any] ?? [:]
            identification["standard"] = BusinessMessageType.utskrift.standard
            header["documentIdentification"] = identification
        },
        FieldCase(scope + ".identifier") { header, _ in
            Self.editScope(&header) { $0["identifier"] = BusinessProcess.print.rawValue }
        },
        FieldCase(scope + ".scopeInformation[0].expectedResponseDateTime") { header, _ in
            Self.editScope(&header) { $0["scopeInformation"] = [["expectedResponseDateTime": "2020-01-01T00:00:00Z"]] }
        },
        FieldCase("utskrift.mottaker", print: true) { _, body in
            var address = body["mottaker"] as? [String: Any] ?? [:]
            address["poststed"] = nil
            body["mottaker"] = address
        },
        FieldCase("utskrift.retur.mottaker", print: true) { _, body in
            var retur = body["retur"] as? [String: Any] ?? [:]
            var address = retur["mottaker"] as? [String: Any] ?? [:]
            address["land"] = "Sverige"   // Norwegian and foreign at once: the schema's oneOf fails
            retur["mottaker"] = address
            body["retur"] = retur
        },
        FieldCase("utskrift.mottaker.postnummer", print: true) { _, body in
            var address = body["mottaker"] as? [String: Any] ?? [:]
            address["postnummer"] = "01550"
            body["mottaker"] = address
        },
    ]

    /// `header.businessScope.scope[0]` edited by `edit`.
    static func editScope(_ header: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
        var businessScope = header["businessScope"] as? [String: Any] ?? [:]
        var scopes = businessScope["scope"] as? [[String: Any]] ?? [[:]]
        edit(&scopes[0])
        businessScope["scope"] = scopes
        header["businessScope"] = businessScope
    }

    /// `letter`'s JWS with its payload edited by `edit` and signed again by the sender.
    static func resigned(_ letter: SealedLetter,
                         edit: (inout [String: Any], inout [String: Any]) -> Void) throws -> String {
        let payload = try JWS.parse(letter.jwt).payload
        var root = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        var document = try #require(root["standardBusinessDocument"] as? [String: Any])
        let key = document["digital"] == nil ? "utskrift" : "digital"
        var header = try #require(document["standardBusinessDocumentHeader"] as? [String: Any])
        var body = try #require(document[key] as? [String: Any])
        edit(&header, &body)
        document["standardBusinessDocumentHeader"] = header
        document[key] = body
        root["standardBusinessDocument"] = document
        return try JWSSigner(identity: AccessPointFixture.identity("sender"))
            .sign(JSONSerialization.data(withJSONObject: root))
    }

    @Test("a letter breaking one schema constraint is refused with 400 naming the field", arguments: cases)
    func refusesBrokenField(_ field: FieldCase) throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let letter = field.print ? try fixture.printLetter(token: token) : try fixture.digitalLetter(token: token)
        let response = try fixture.send(jwt: Self.resigned(letter, edit: field.edit), cms: letter.cms, token: token)
        #expect(response.status == 400, "\(response.text)")
        #expect(AccessPointFixture.rule(of: response) == field.rule, "\(response.text)")
        #expect(try fixture.report().rejected == [field.rule: 1])
    }

    @Test("a letter re-signed with valid e-mail and SMS notifications and security level 4 is accepted")
    func acceptsValidFields() throws {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let letter = try fixture.digitalLetter(token: token)
        let jwt = try Self.resigned(letter) { _, body in
            body["sikkerhetsnivaa"] = 4
            body["varsler"] = ["epostvarsel": Self.email, "smsvarsel": Self.sms]
        }
        let response = try fixture.send(jwt: jwt, cms: letter.cms, token: token)
        #expect(response.status == 201, "\(response.text)")
    }
}
