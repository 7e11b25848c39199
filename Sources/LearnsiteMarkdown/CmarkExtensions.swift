import CCmarkGFM
import CCmarkGFMShim

/// The GFM extensions learnsite enables, registered with cmark-gfm exactly once.
///
/// cmark-gfm's core-extension registration mutates a global registry without a lock: two first parses
/// running at once can abort the process. A Swift `static let` is initialised once under a lock, and
/// callers also touch it at start-up, before any concurrent rendering.
enum CmarkExtensions {
    /// Attached to every parser. The autolink extension is attached only where a body may need it: see
    /// `CmarkDocument.parse`.
    static let names = ["table", "strikethrough", "tagfilter", "tasklist"]

    static let registered: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// Looks up the registered extensions; a missing one means a broken libcmark-gfm-extensions install.
    /// The pointers name immutable entries of cmark's registry, so sharing them across threads is safe.
    nonisolated(unsafe) static let extensions: [OpaquePointer] = names.map(find)

    nonisolated(unsafe) static let autolink: OpaquePointer = find("autolink")

    private static func find(_ name: String) -> OpaquePointer {
        _ = registered
        guard let ext = cmark_find_syntax_extension(name) else {
            fatalError("cmark-gfm extension '\(name)' is not available: reinstall libcmark-gfm-extensions-dev")
        }
        return ext
    }

    /// Fills cmark-gfm's shared table of inline special characters once, so that concurrent parses
    /// cannot remove each other's, and hands it a parser that names the autolink extension's
    /// characters, kept for the life of the process (see CCmarkGFMShim.c).
    static let pinned: Void = {
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)
        for ext in extensions { cmark_parser_attach_syntax_extension(parser, ext) }
        let autolinks = cmark_parser_new(CMARK_OPT_DEFAULT)
        cmark_parser_attach_syntax_extension(autolinks, autolink)
        learnsite_cmark_pin_special_characters(parser, autolinks)
        cmark_parser_free(parser)
    }()
}
