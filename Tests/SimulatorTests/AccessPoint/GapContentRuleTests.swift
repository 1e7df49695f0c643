import DPI
import Foundation
import HTTP
import Simulator
import Testing

/// Spec 15 item 12 and 7.5: the provider's date and content rules — the effective time not too far ahead,
/// HTML without scripts, event handlers, embedded objects or external resources, EHF well-formed XML.
@Suite("Gap: content and effective-time rules")
struct GapContentRuleTests {
    /// A digital letter to the Digipost person whose one main document is `content` of `mimeType`.
    private func letter(_ fixture: AccessPointFixture, token: String, name: String, mimeType: String,
                        content: Data) throws -> SealedLetter {
        let letter = DigitalLetter(
            sender: LetterSender(organisation: AccessPointFixture.sender),
            mailboxProvider: AccessPointFixture.digipost, mailboxAddress: AccessPointFixture.mailbox[.digipost]!,
            nonSensitiveTitle: "Brev fra testetaten", securityLevel: 3,
            documents: [LetterDocument(fileName: name, mimeType: mimeType, title: "Vedtak", byteCount: content.count)])
        return try LetterSealer(identity: AccessPointFixture.identity("sender")).seal(
            letter, contents: [.data(content)], messageId: UUID(), conversationId: UUID(),
            createdAt: Timestamp(fixture.clock.now), maskinportenToken: token,
            recipient: AccessPointFixture.identity("digipost").certificate)
    }

    /// The status and rule of sending a letter with one main document `content` of `mimeType`.
    private func send(_ content: String, mimeType: String = "text/html", name: String = "brev.html") throws
        -> (status: Int, rule: String?, text: String) {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let response = try fixture.send(
            letter(fixture, token: token, name: name, mimeType: mimeType, content: Data(content.utf8)), token: token)
        return (response.status, AccessPointFixture.rule(of: response), response.text)
    }

    /// The status and rule of a digital letter whose `virkningstidspunkt` is `days` ahead.
    private func sendEffective(daysAhead days: Double) throws -> (status: Int, rule: String?) {
        let fixture = try AccessPointFixture()
        let token = try fixture.accessToken()
        let sealed = try fixture.digitalLetter(token: token)
        let effective = Timestamp(fixture.clock.now.addingTimeInterval(days * 86_400)).description
        let jwt = try GapRepackager().resign(sealed.jwt, identity: AccessPointFixture.identity("sender")) {
            $0["virkningstidspunkt"] = effective
        }
        let response = try fixture.send(jwt: jwt, cms: sealed.cms, token: token)
        return (response.status, AccessPointFixture.rule(of: response))
    }

    @Test("virkningstidspunkt more than 365 days ahead is refused: effective-time-too-far; 300 days is accepted")
    func effectiveTimeLimit() throws {
        let far = try sendEffective(daysAhead: 400)
        #expect(far.status == 400)
        #expect(far.rule == "effective-time-too-far")
        #expect(try sendEffective(daysAhead: 300).status == 201)
    }

    @Test("HTML with inline images, styles and links is accepted")
    func cleanHTMLAccepted() throws {
        let html = #"<html><head><style>p { color: navy; }</style></head><body><p>Vedtak</p>"#
            + #"<img src="data:image/png;base64,iVBORw0KGgo="><a href="https://etaten.no" target="_blank">Les</a>"#
            + "</body></html>"
        let result = try send(html)
        #expect(result.status == 201, "\(result.text)")
    }

    @Test("HTML with a script, an event handler, an iframe, an object, an embed or an external image: html-content",
          arguments: [
              "<html><body><script>alert(1)</script></body></html>",
              #"<html><body onload="steal()"><p>Vedtak</p></body></html>"#,
              #"<html><body><p><span onClick = 'x()'>Vedtak</span></p></body></html>"#,
              #"<html><body><iframe src="data:text/html,hei"></iframe></body></html>"#,
              #"<html><body><object data="x.swf"></object></body></html>"#,
              #"<html><body><embed type="video/mp4"></body></html>"#,
              #"<html><body><img src="https://sporing.example/pixel.png"></body></html>"#,
              #"<html><head><link rel="stylesheet" href="https://cdn.example/s.css"></head><body/></html>"#,
              #"<html><body><div style="background: url('https://x.example/b.png')">Vedtak</div></body></html>"#,
          ])
    func forbiddenHTMLRefused(html: String) throws {
        let result = try send(html)
        #expect(result.status == 400, "\(result.text)")
        #expect(result.rule == "html-content", "\(result.text)")
    }

    @Test("an EHF main document that is not well-formed XML is refused: ehf-not-xml; a well-formed one is accepted")
    func ehfMustBeXML() throws {
        let broken = try send("<Invoice><ID>1</Invoice>", mimeType: "application/ehf+xml", name: "faktura.xml")
        #expect(broken.status == 400, "\(broken.text)")
        #expect(broken.rule == "ehf-not-xml", "\(broken.text)")
        let invoice = #"<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">"#
            + "<ID>1</ID></Invoice>"
        let good = try send(invoice, mimeType: "application/ehf+xml", name: "faktura.xml")
        #expect(good.status == 201, "\(good.text)")
    }
}
