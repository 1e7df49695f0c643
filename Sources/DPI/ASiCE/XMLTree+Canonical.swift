import Foundation
import CXML2

/// The canonicalisation algorithms a DPI signature may name (spec 7.4, Appendix B): C14N 1.0, which all
/// examples use, and C14N 1.1, which the profile text prefers. Both without comments.
enum CanonicalizationMethod: String, CaseIterable {
    case c14n10 = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
    case c14n11 = "http://www.w3.org/2006/12/xml-c14n11"

    fileprivate var mode: Int32 {
        switch self {
        case .c14n10: return Int32(XML_C14N_1_0.rawValue)
        case .c14n11: return Int32(XML_C14N_1_1.rawValue)
        }
    }
}

/// libxml2 asks this for every node: is it part of the canonicalised subset? Yes for the apex element
/// (the user data) and for every node whose parent lies inside the apex's subtree; attributes and
/// namespace nodes are asked about with their element as `parent`. So the apex's in-scope namespace
/// declarations, inherited from ancestors, are rendered on it, as inclusive C14N of a subtree requires.
private let insideApex: xmlC14NIsVisibleCallback = { apex, node, parent in
    guard let apex else { return 0 }
    if let node, UnsafeMutableRawPointer(node) == apex { return 1 }
    var ancestor = parent
    while let current = ancestor {
        if UnsafeMutableRawPointer(current) == apex { return 1 }
        ancestor = current.pointee.parent
    }
    return 0
}

extension XMLTree.Element {
    /// The canonical form of this element's subtree in its document context (XML-DSig same-document
    /// reference or `SignedInfo`): the bytes that are hashed and signed.
    func canonical(_ method: CanonicalizationMethod) throws -> Data {
        guard let buffer = xmlAllocOutputBuffer(nil) else {
            throw DPIError(.signingFailed, "libxml2 could not allocate a canonicalisation buffer", disposition: .abort)
        }
        defer { xmlOutputBufferClose(buffer) }
        let status = withExtendedLifetime(tree) {
            xmlC14NExecute(tree.document, insideApex, UnsafeMutableRawPointer(node), method.mode, nil, 0, buffer)
        }
        guard status >= 0, let content = xmlOutputBufferGetContent(buffer) else {
            throw DPIError(.malformedSignature, "the element \(name) cannot be canonicalised")
        }
        return Data(bytes: content, count: Int(xmlOutputBufferGetSize(buffer)))
    }
}
