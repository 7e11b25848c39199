import CCmarkGFM
import CCmarkGFMShim
import Foundation

/// One parsed Markdown document: owns the cmark parser and tree.
///
/// A new parser per document keeps rendering free of shared mutable state, so documents can be
/// rendered concurrently once `CmarkExtensions` has been touched. Everything cmark-gfm allocates for
/// the document is in the arena of the thread that made it (see CCmarkGFMArena.c), given back whole
/// when the document goes, so a document never leaves its thread (it is not `Sendable`).
final class CmarkDocument {
    let options: Int32
    /// Whether the parser had the autolink extension (see `parse`).
    let autolinks: Bool
    /// The allocator of the document's nodes, for nodes added to it.
    let memory: UnsafeMutablePointer<cmark_mem>
    private let parser: OpaquePointer
    let root: OpaquePointer

    /// Parses `markdown` as cmark-gfm does with every extension learnsite enables, and lists its inlines.
    ///
    /// The autolink extension was 8% of a large build's instructions, most of it for bodies with no
    /// autolink: cmark stops at every `w` of prose to ask it about `www.`. So a body whose source has no
    /// place where a `www.` or `http://` link could start is parsed without it, as is one whose only
    /// `http://`s look like link destinations; it is parsed again with the extension when its text says
    /// that was wrong (see CCmarkGFMInlines.c). Either way the tree is the one the extension makes.
    static func parse(_ markdown: String, allowRawHTML: Bool) -> (document: CmarkDocument, inlines: InlineRewriter.Walk) {
        var markdown = markdown
        let signs = markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { learnsite_source_autolinks($0.baseAddress, $0.count) }
        }
        if signs & Int32(LEARNSITE_AUTOLINK_WWW | LEARNSITE_AUTOLINK_LIKELY_URL) == 0 {
            let document = CmarkDocument(markdown: markdown, allowRawHTML: allowRawHTML, autolinks: false)
            let inlines = InlineRewriter.walk(document, autolinkSigns: signs)
            if !inlines.mayAutolink { return (document, inlines) }
        }
        let document = CmarkDocument(markdown: markdown, allowRawHTML: allowRawHTML, autolinks: true)
        return (document, InlineRewriter.walk(document))
    }

    /// - Parameter autolinks: attach the autolink extension; `parse` tells when it is needed.
    init(markdown: String, allowRawHTML: Bool, autolinks: Bool = true) {
        // No CMARK_OPT_VALIDATE_UTF8: a Swift string is valid UTF-8 already.
        var options = CMARK_OPT_FOOTNOTES
        options |= allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_SAFE
        self.options = options
        self.autolinks = autolinks
        // Before any parse: a parse before the pin can lose another's special characters.
        _ = CmarkExtensions.pinned
        memory = UnsafeMutablePointer(learnsite_arena_enter())
        let parser = cmark_parser_new_with_mem(options, memory)!
        for ext in CmarkExtensions.extensions {
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        if autolinks {
            cmark_parser_attach_syntax_extension(parser, CmarkExtensions.autolink)
            learnsite_autolink_parse_begin()
        }
        self.parser = parser
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        root = cmark_parser_finish(parser)
        if autolinks { learnsite_autolink_parse_end() }
    }

    deinit {
        // Not node by node (`cmark_node_free`): the arena takes back the parser, the tree and all else at once.
        learnsite_arena_leave()
    }

    /// Renders HTML and hands cmark's bytes to `finish` before they are freed. The parser's
    /// extension list must reach the renderer, or `tagfilter` and table rendering are skipped.
    func renderHTML(_ finish: (UnsafeRawBufferPointer) -> [UInt8]) -> [UInt8] {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let html = cmark_render_html_with_mem(root, options, extensions, memory) else { return [] }
        return finish(UnsafeRawBufferPointer(start: html, count: strlen(html)))
    }

    /// Visits every node in document order (entering events only).
    func forEachNode(_ body: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                body(node)
            }
        }
    }
}

/// Plain text of a node's descendants (text, code and line breaks), as a reader sees it.
func plainText(of node: OpaquePointer) -> String {
    var text = ""
    var child = cmark_node_first_child(node)
    while let current = child {
        switch cmark_node_get_type(current) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            text += " "
        default:
            text += plainText(of: current)
        }
        child = cmark_node_next(current)
    }
    return text
}
