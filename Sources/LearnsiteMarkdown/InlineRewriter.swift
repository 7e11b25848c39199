import CCmarkGFM
import CCmarkGFMShim
import Foundation

/// Rewrites parts of text nodes as custom inline nodes (`<abbr>`, citation links), leaving the rest
/// of the tree, and cmark's escaping of the text itself, untouched.
enum InlineRewriter {
    /// A text node, and whether it sits inside a link, heading or `<abbr>`.
    typealias TextNode = (node: OpaquePointer, inLinkOrHeading: Bool)

    /// What the passes over a body's inlines work on, found in one walk of its tree (a walk each was a
    /// tenth of the Markdown step): text nodes and headings, in document order.
    struct Walk {
        var texts: [TextNode] = []
        var headings: [OpaquePointer] = []
        /// Whether the autolink extension could have linked some of the text, had the tree been parsed
        /// with it (see `CmarkDocument.parse`).
        var mayAutolink = false
    }

    /// Merges adjacent text nodes (cmark splits text at every character that could start an inline, so a
    /// term or `[@id]` may span several) and lists texts and headings, in C: see CCmarkGFMInlines.c.
    /// - Parameter autolinkSigns: for a tree parsed without the autolink extension, what its source said
    ///   about autolinks (see `CmarkDocument.parse`); 0 for one parsed with it.
    static func walk(_ document: CmarkDocument, autolinkSigns: Int32 = 0) -> Walk {
        var texts = learnsite_node_list(), headings = learnsite_node_list()
        defer {
            learnsite_node_list_free(&texts)
            learnsite_node_list_free(&headings)
        }
        var walk = Walk()
        walk.mayAutolink = learnsite_collect_inlines(document.root, &texts, &headings, autolinkSigns) != 0
        walk.texts = (0..<texts.count).map { (texts.nodes[$0]!, texts.flags[$0] != 0) }
        walk.headings = (0..<headings.count).map { headings.nodes[$0]! }
        return walk
    }

    /// Splits `node` so that bytes `range` of its text become a custom inline with the given HTML around
    /// it (`inner` replaces the text when given). Returns the text node holding what followed `range`.
    /// The three texts are cut from one copy of the literal, on byte offsets, with no Swift string made.
    @discardableResult
    static func wrap(_ node: OpaquePointer, of document: CmarkDocument, range: Range<Int>,
                     open: UnsafePointer<CChar>, close: UnsafePointer<CChar>, inner: String? = nil) -> OpaquePointer {
        // New nodes live where the document's do (its arena: see `CmarkDocument`).
        let memory = document.memory
        let wrapper = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, memory)!
        cmark_node_set_on_enter(wrapper, open)
        cmark_node_set_on_exit(wrapper, close)
        let middle = cmark_node_new_with_mem(CMARK_NODE_TEXT, memory)!
        let after = cmark_node_new_with_mem(CMARK_NODE_TEXT, memory)!
        let literal = cmark_node_get_literal(node)!
        let count = strlen(literal)
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { copy in
            let text = copy.baseAddress!
            memcpy(text, literal, count + 1)
            // Back to front, ending each part where the next begins.
            cmark_node_set_literal(after, text + range.upperBound)
            text[range.upperBound] = 0
            if let inner { cmark_node_set_literal(middle, inner) } else { cmark_node_set_literal(middle, text + range.lowerBound) }
            text[range.lowerBound] = 0
            cmark_node_set_literal(node, text)
        }
        cmark_node_append_child(wrapper, middle)
        cmark_node_insert_after(node, wrapper)
        cmark_node_insert_after(wrapper, after)
        return after
    }

    /// The node's text as cmark holds it, without copying; valid until the node's text is set again.
    static func bytes(of node: OpaquePointer) -> UnsafeBufferPointer<UInt8>? {
        cmark_node_get_literal(node).map { UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0)) }
    }
}

/// Escapes text for an HTML attribute or element: the one escaping every HTML output of learnsite uses.
public func htmlEscaped(_ text: String) -> String {
    func special(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }
    // Most text (ids, titles) has nothing to escape: one pass over its bytes, and no new string.
    guard text.utf8.contains(where: special) else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
        switch byte {
        case 0x26: bytes += "&amp;".utf8
        case 0x3C: bytes += "&lt;".utf8
        case 0x3E: bytes += "&gt;".utf8
        case 0x22: bytes += "&quot;".utf8
        case 0x27: bytes += "&#39;".utf8
        default: bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
