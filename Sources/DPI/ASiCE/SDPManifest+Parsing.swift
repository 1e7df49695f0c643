public import Foundation

extension SDPManifest {
    /// Reads a received `manifest.xml` (the simulated mailbox checks it against the business message, spec
    /// 7.2) and applies the same rules as `xml()`. The legacy `lenke` element and a
    /// `personidentifikator` are accepted but not kept. Throws `.invalidManifest`.
    public init(xml: Data) throws {
        let tree = try XMLTree(parsing: xml, invalid: .invalidManifest, what: "manifest.xml")
        guard let root = tree.root, root.name == "manifest", root.namespace == Self.namespace else {
            throw DPIError(.invalidManifest, "manifest.xml must have a manifest root in the SDP namespace",
                           field: "manifest")
        }
        var children = root.children[...]
        guard children.allSatisfy({ $0.namespace == Self.namespace }) else {
            throw DPIError(.invalidManifest, "manifest.xml holds an element outside the SDP namespace",
                           field: "manifest")
        }
        var mailboxAddress: String?
        if let recipient = children.first, recipient.name == "mottaker" {
            let person = recipient.children.first { $0.name == "person" }
            let address = person?.children.first { $0.name == "postkasseadresse" }
            guard let address else {
                throw DPIError(.invalidManifest, "mottaker needs person/postkasseadresse",
                               field: "manifest.mottaker.person.postkasseadresse")
            }
            mailboxAddress = address.text
            children = children.dropFirst()
        }
        guard let senderElement = children.popFirst(), senderElement.name == "avsender",
              let mainElement = children.popFirst(), mainElement.name == "hoveddokument" else {
            throw DPIError(.invalidManifest, "manifest.xml needs avsender and hoveddokument, in this order",
                           field: "manifest")
        }
        if children.last?.name == "lenke" { children = children.dropLast() }
        guard children.allSatisfy({ $0.name == "vedlegg" }) else {
            throw DPIError(.invalidManifest, "only vedlegg may follow hoveddokument", field: "manifest")
        }
        self.init(mailboxAddress: mailboxAddress, sender: try Self.sender(senderElement),
                  mainDocument: try Self.document(mainElement), attachments: try children.map(Self.document))
        try validate()
    }

    private static func sender(_ element: XMLTree.Element) throws -> Sender {
        let parts = Dictionary(element.children.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
        guard let organisation = parts["organisasjon"] else {
            throw DPIError(.invalidManifest, "avsender needs organisasjon", field: "manifest.avsender.organisasjon")
        }
        return Sender(organisation: organisation, senderIdentifier: parts["avsenderidentifikator"],
                      invoiceReference: parts["fakturaReferanse"])
    }

    private static func document(_ element: XMLTree.Element) throws -> Document {
        let title = element.children.first { $0.name == "tittel" }
        let data = element.children.first { $0.name == "data" }
        return Document(try file(element), title: title.map { Title($0.text, language: $0.attribute("lang") ?? "") },
                        data: try data.map(file))
    }

    private static func file(_ element: XMLTree.Element) throws -> File {
        guard let href = element.attribute("href"), let mimeType = element.attribute("mime") else {
            throw DPIError(.invalidManifest, "\(element.name) needs href and mime attributes",
                           field: "manifest.\(element.name)")
        }
        return File(href: href, mimeType: mimeType)
    }
}
