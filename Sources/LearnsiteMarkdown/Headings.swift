import CCmarkGFM

/// A heading of a rendered body, with the anchor id it was given.
public struct Heading: Sendable, Equatable {
    public let level: Int
    public let text: String
    public let id: String
    /// Line in the Markdown body (1-based), before any front matter offset.
    public let line: Int
}

/// Gives every heading an `id` so pages can link to sections (`#warning-signs`).
///
/// cmark-gfm renders headings without attributes, so each heading node is swapped for a custom block
/// whose opening and closing tags we write; custom nodes are emitted verbatim even in safe mode,
/// and the heading's inline children move across unchanged, so their escaping is still cmark's.
enum HeadingAnchors {
    /// - Parameter headingNodes: the document's headings, in order (see `InlineRewriter.walk`).
    static func apply(to document: CmarkDocument, headings headingNodes: [OpaquePointer]) -> [Heading] {
        var used: [String: Int] = [:]
        return headingNodes.map { node in
            let level = Int(cmark_node_get_heading_level(node))
            let text = plainText(of: node)
            let id = uniqueID(for: text, used: &used)
            let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, document.memory)!
            cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
            cmark_node_set_on_exit(block, "</h\(level)>")
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(block, child)
            }
            let line = Int(cmark_node_get_start_line(node))
            cmark_node_insert_before(node, block)
            cmark_node_unlink(node)
            cmark_node_free(node)
            return Heading(level: level, text: text, id: id, line: line)
        }
    }

    /// GitHub-style anchor: lowercase letters and digits, words joined by hyphens, repeats numbered.
    static func uniqueID(for text: String, used: inout [String: Int]) -> String {
        var slug = asciiSlug(of: text) ?? slug(of: text)
        if slug.isEmpty { slug = "section" }
        let count = used[slug, default: 0]
        used[slug] = count + 1
        return count == 0 ? slug : "\(slug)-\(count)"
    }

    /// `slug(of:)` for an ASCII heading, on its bytes (through Unicode scalars, 15,000 instructions a
    /// heading); nil for any other heading.
    static func asciiSlug(of text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var slug: [UInt8] = []
            slug.reserveCapacity(bytes.count)
            var pendingHyphen = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let isLetter = byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A, isDigit = byte >= 0x30 && byte <= 0x39
                if isLetter || isDigit {
                    if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                    slug.append(isLetter ? byte | 0x20 : byte)
                    pendingHyphen = false
                } else {
                    pendingHyphen = true
                }
            }
            return String(decoding: slug, as: UTF8.self)
        }
    }

    static func slug(of text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            // ASCII first: asking Unicode's tables for every letter of every heading showed in a large build's profile.
            let isWordScalar = scalar.isASCII ? ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
                                              : scalar.properties.isAlphabetic
            if isWordScalar {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }
}
