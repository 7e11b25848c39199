import CCmarkGFM
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
    }

    static func walk(_ document: CmarkDocument) -> Walk {
        var walk = Walk()
        var abbrDepth = 0
        let iterator = cmark_iter_new(document.root)
        defer { cmark_iter_free(iterator) }
        var protectedDepth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                protectedDepth += event == CMARK_EVENT_ENTER ? 1 : -1
                if event == CMARK_EVENT_ENTER { walk.headings.append(node) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                protectedDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_HTML_INLINE:
                // Raw HTML only survives with `unsafe_html`; an author's own <abbr> is left alone.
                let html = cmark_node_get_literal(node).map { String(cString: $0).lowercased() } ?? ""
                if html.hasPrefix("<abbr") { abbrDepth += 1 } else if html.hasPrefix("</abbr") { abbrDepth = max(0, abbrDepth - 1) }
            case CMARK_NODE_TEXT where event == CMARK_EVENT_ENTER:
                walk.texts.append((node, protectedDepth > 0 || abbrDepth > 0))
            default:
                break
            }
        }
        return walk
    }

    /// Splits `node` so that bytes `range` of its text become a custom inline with the given HTML around
    /// it (`inner` replaces the text when given). Returns the text node holding what followed `range`.
    /// The three texts are cut from one copy of the literal, on byte offsets, with no Swift string made.
    @discardableResult
    static func wrap(_ node: OpaquePointer, of document: CmarkDocument, range: Range<Int>,
                     open: String, close: String, inner: String? = nil) -> OpaquePointer {
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
