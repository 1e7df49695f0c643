import Foundation
import CXML2

/// libxml2 must be initialised once, before any thread parses (its documented rule for threaded use).
let libxml2Initialised: Void = { xmlInitParser() }()

/// A parsed XML document (libxml2), read-only: the parts of `signatures.xml` are found by walking its
/// elements, and canonicalised in place (`XMLTree+Canonical.swift`). Owns the `xmlDoc` and frees it in
/// `deinit`; `Element`s hold the tree, so the document lives as long as any element is in use.
/// Not `Sendable`: used by one thread, within one call.
final class XMLTree {
    let document: UnsafeMutablePointer<xmlDoc>

    /// Parses `data`, never touching the network and refusing DTDs (no entity tricks in signature files).
    /// A parse error throws `code` with libxml2's message and line in the details.
    init(parsing data: Data, invalid code: DPIError.Code, what: String) throws {
        _ = libxml2Initialised
        guard data.count < Int32.max else {
            throw DPIError(code, "\(what) is too large to be an XML signature", details: "\(data.count) bytes")
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        xmlResetLastError()
        let parsed = data.withUnsafeBytes { raw in
            xmlReadMemory(raw.bindMemory(to: CChar.self).baseAddress, Int32(raw.count), nil, nil, options)
        }
        guard let parsed else {
            throw DPIError(code, "\(what) is not well-formed XML", details: Self.lastError())
        }
        guard parsed.pointee.intSubset == nil else {
            xmlFreeDoc(parsed)
            throw DPIError(code, "\(what) carries a document type declaration, which is not allowed")
        }
        document = parsed
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The document element.
    var root: Element? {
        xmlDocGetRootElement(document).map { Element(tree: self, node: $0) }
    }

    private static func lastError() -> String {
        guard let error = xmlGetLastError() else { return "libxml2 gave no reason" }
        let message = error.pointee.message.map { String(cString: $0) } ?? "?"
        return "line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
    }
}

extension XMLTree {
    /// An element of the tree: name, namespace, attributes, child elements and text content.
    struct Element {
        let tree: XMLTree
        let node: UnsafeMutablePointer<xmlNode>

        /// The local name.
        var name: String { String(cString: node.pointee.name) }

        /// The namespace URI, or nil for an element in no namespace.
        var namespace: String? { node.pointee.ns.map { String(cString: $0.pointee.href) } }

        /// The child elements, in document order (text, comments and processing instructions skipped).
        var children: [Element] {
            var elements: [Element] = []
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    elements.append(Element(tree: tree, node: current))
                }
                child = current.pointee.next
            }
            return elements
        }

        /// The value of the un-namespaced attribute `name`.
        func attribute(_ name: String) -> String? {
            guard let value = xmlGetNoNsProp(node, name) else { return nil }
            defer { shim_xmlFree(value) }
            return String(cString: value)
        }

        /// All text below this element, entity and character references resolved.
        var text: String {
            guard let content = xmlNodeGetContent(node) else { return "" }
            defer { shim_xmlFree(content) }
            return String(cString: content)
        }
    }
}
