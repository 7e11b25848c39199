import Mustache

/// HTML escaping over UTF-8 bytes, with the same output as swift-mustache's own (`& < > " '`).
///
/// The library's escaper looks up every Character in a dictionary; on a large site that was a sixth of
/// the build. Templates opt in with `{{%CONTENT_TYPE:HTML}}`, which resolves the name through the
/// library's registry, where this replaces the default.
struct FastHTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Registered once, before any template renders.
    static let registered: Void = {
        MustacheContentTypes.register(FastHTMLEscaping(), named: "HTML")
    }()
}
