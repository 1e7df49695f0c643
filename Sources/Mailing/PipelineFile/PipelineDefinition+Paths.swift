public import DPI
public import Foundation

extension PipelineDefinition {
    /// `path` as a file URL: absolute paths as they are, relative ones against ``baseDirectory``.
    /// Used for `letter.document`, attachments and a recipient's `document_path`.
    public func resolve(_ path: String) -> URL {
        Self.resolve(path, against: baseDirectory)
    }

    /// The main document every recipient without a `document_path` of their own gets; nil when
    /// `letter.document` is not set (then every recipient must have a `document_path`).
    public var documentURL: URL? {
        letter.document.map(resolve)
    }

    /// The attachments' files, in order.
    public var attachmentURLs: [URL] {
        letter.attachments.map { resolve($0.document) }
    }

    /// The Avsender of the letters: `sender.onBehalfOf` when set, else `sender.orgno`.
    public var senderOrganisation: OrganisationNumber {
        Self.validated(sender.onBehalfOf ?? sender.orgno)
    }

    /// The Databehandler that signs and sends for the Avsender: `sender.orgno` (the keystore's
    /// organisation) when `sender.onBehalfOf` is set; nil otherwise.
    public var dataProcessor: OrganisationNumber? {
        sender.onBehalfOf == nil ? nil : Self.validated(sender.orgno)
    }

    /// Avsender, sender identifier and Databehandler as the DPI letter types take them.
    public var letterSender: LetterSender {
        LetterSender(organisation: senderOrganisation, senderIdentifier: sender.avsenderidentifikator,
                     dataProcessor: dataProcessor)
    }

    static func resolve(_ path: String, against directory: URL) -> URL {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
        return url.standardizedFileURL
    }

    /// An organisation number validation has accepted (every initialiser validates `sender`).
    private static func validated(_ text: String) -> OrganisationNumber {
        guard let number = try? OrganisationNumber(text) else {
            preconditionFailure("a PipelineDefinition exists only with valid organisation numbers")
        }
        return number
    }
}
