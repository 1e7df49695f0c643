public import Foundation
import CXML2

/// An XML Schema (XSD) compiled once by libxml2, validating documents against it — e.g. a received package's
/// `manifest.xml` against the official `sdp-manifest.xsd` (spec 15 item 10), as the receiving side does.
///
/// `@unchecked Sendable`: the compiled schema is never changed after `init`, and each validation uses its own
/// libxml2 validation context, which libxml2 documents as safe for concurrent use of one schema.
public final class SchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// Compiles the schema at `xsd` (its includes and imports resolved next to it, never over the network).
    /// Throws `.unusableSchema` (abort) when the file is missing or not a valid schema.
    public init(xsd: URL) throws {
        _ = libxml2Initialised
        guard FileManager.default.fileExists(atPath: xsd.path),
              let context = xmlSchemaNewParserCtxt(xsd.path) else {
            throw DPIError(.unusableSchema, "the XML Schema file cannot be read", details: xsd.path,
                           disposition: .abort)
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        let messages = SchemaMessages()
        xmlSchemaSetParserStructuredErrors(context, SchemaMessages.collect,
                                           Unmanaged.passUnretained(messages).toOpaque())
        guard let compiled = withExtendedLifetime(messages, { xmlSchemaParse(context) }) else {
            throw DPIError(.unusableSchema, "the XML Schema file is not a valid schema",
                           details: "\(xsd.path): \(messages.first ?? "libxml2 gave no reason")", disposition: .abort)
        }
        schema = compiled
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// Parses `data` (no network, no DTD) and validates it. Throws `.schemaViolation` naming `what` with
    /// libxml2's first message and line in the details, or `code` when `data` is not well-formed XML.
    public func validate(_ data: Data, what: String, malformed code: DPIError.Code = .schemaViolation) throws {
        let tree = try XMLTree(parsing: data, invalid: code, what: what)
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            throw DPIError(.unusableSchema, "libxml2 could not make a validation context", disposition: .abort)
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let messages = SchemaMessages()
        xmlSchemaSetValidStructuredErrors(context, SchemaMessages.collect,
                                          Unmanaged.passUnretained(messages).toOpaque())
        let result = withExtendedLifetime(messages) { xmlSchemaValidateDoc(context, tree.document) }
        guard result == 0 else {
            throw DPIError(.schemaViolation, "\(what) does not conform to its XML Schema",
                           details: messages.first ?? "libxml2 code \(result)")
        }
    }
}

/// The first message libxml2 reports while compiling or validating (later ones usually follow from it).
private final class SchemaMessages {
    var first: String?

    /// The structured error handler: keeps the first message, with its line.
    static let collect: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let messages = Unmanaged<SchemaMessages>.fromOpaque(context).takeUnretainedValue()
        guard messages.first == nil else { return }
        let text = error.pointee.message.map { String(cString: $0) } ?? "?"
        messages.first = "line \(error.pointee.line): " + text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
