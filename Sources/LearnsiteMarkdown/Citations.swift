import CCmarkGFM
import Foundation

/// A `[@id]` citation found in a body.
public struct Citation: Sendable, Equatable {
    public let id: String
    /// Its number on the page, in order of first citation; nil for an id the library lacks.
    public let number: Int?
    /// Line in the Markdown body (1-based).
    public let line: Int
}

/// Turns `[@id]` and `[@a; @b]` into numbered links to the page's reference list (`#ref-<id>`).
/// Ids the library does not hold are left as written and reported, so the build can warn.
enum Citations {
    /// - Returns: the citations, and `texts` with the text that followed each citation as a node of its own,
    ///   for the passes after this one.
    static func apply(to document: CmarkDocument, texts: [InlineRewriter.TextNode], known: Set<String>)
        -> (citations: [Citation], texts: [InlineRewriter.TextNode]) {
        var found: [Citation] = []
        // The ids cited so far, numbered by place: a page cites a handful, and a dictionary grown from empty
        // allocated and rehashed at each step (1,500 instructions a citation). Not reserved: most documents
        // cite nothing, and reserving allocated for each of them.
        var cited: [String] = []
        var after: [InlineRewriter.TextNode] = []
        after.reserveCapacity(texts.count)
        for (start, isProtected) in texts {
            after.append((start, isProtected))
            // Most text has no citation: look for `[@` before anything else.
            guard let literal = cmark_node_get_literal(start), strstr(literal, "[@") != nil else { continue }
            var node = start
            var searchFrom = 0
            // Nodes made by splitting have no position; a text node never spans lines, so use the original's.
            let line = Int(cmark_node_get_start_line(start))
            // Read in cmark's own bytes, as `Abbreviations` does: Swift strings and their indexes were most
            // of this pass.
            while let bytes = InlineRewriter.bytes(of: node), let (range, ids) = nextCitation(in: bytes, from: searchFrom) {
                // The opening HTML, written as the C string cmark takes: appending to a `String` cost
                // 400 instructions a piece.
                var open: [UInt8] = []
                open.reserveCapacity(64 * ids.count)
                append(#"<sup class="citation">["#, to: &open)
                var links = 0
                for var id in ids {
                    guard known.contains(id) else {
                        found.append(Citation(id: id, number: nil, line: line))
                        continue
                    }
                    let number: Int
                    if let earlier = cited.firstIndex(of: id) {
                        number = earlier + 1
                    } else {
                        cited.append(id)
                        number = cited.count
                    }
                    found.append(Citation(id: id, number: number, line: line))
                    if links > 0 { append(", ", to: &open) }
                    append(##"<a href="#ref-"##, to: &open)
                    // An id holds no byte HTML escapes (see `ids(in:)`).
                    id.withUTF8 { open.append(contentsOf: $0) }
                    append(#"">"#, to: &open)
                    var digits = String(number)
                    digits.withUTF8 { open.append(contentsOf: $0) }
                    append("</a>", to: &open)
                    links += 1
                }
                guard links > 0 else {
                    searchFrom = range.upperBound
                    continue
                }
                append("]\0", to: &open)
                node = open.withUnsafeBytes { open in
                    InlineRewriter.wrap(node, of: document, range: range, open: open.baseAddress!.assumingMemoryBound(to: CChar.self),
                                        close: "</sup>", inner: "")
                }
                after.append((node, isProtected))
                searchFrom = 0
            }
        }
        return (found, after)
    }

    private static func append(_ text: StaticString, to bytes: inout [UInt8]) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// The next `[@id; @id]` at or after byte `start`: its byte range and the ids. `[` is found with `memchr`.
    private static func nextCitation(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Range<Int>, [String])? {
        guard let base = bytes.baseAddress else { return nil }
        var searchFrom = start
        while searchFrom < bytes.count, let bracket = memchr(base + searchFrom, Int32(UInt8(ascii: "[")), bytes.count - searchFrom) {
            let open = base.distance(to: bracket.assumingMemoryBound(to: UInt8.self))
            searchFrom = open + 1
            guard open + 1 < bytes.count, bytes[open + 1] == UInt8(ascii: "@") else { continue }
            guard let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            if let ids = ids(in: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close])) {
                return (open..<(close + 1), ids)
            }
            searchFrom = open + 2
        }
        return nil
    }

    /// `@a; @b` as `["a", "b"]`; nil unless every part is `@` and an id.
    private static func ids(in inside: UnsafeBufferPointer<UInt8>) -> [String]? {
        var ids: [String] = []
        for part in inside.split(separator: UInt8(ascii: ";")) {
            var (lower, upper) = (part.startIndex, part.endIndex)
            while lower < upper, part[lower] == 0x20 || part[lower] == 0x09 { lower += 1 }
            while upper > lower, part[upper - 1] == 0x20 || part[upper - 1] == 0x09 { upper -= 1 }
            guard upper - lower > 1, part[lower] == UInt8(ascii: "@") else { return nil }
            let idBytes = UnsafeBufferPointer(rebasing: inside[(lower + 1)..<upper])
            let id = String(decoding: idBytes, as: UTF8.self)
            guard idBytes.allSatisfy(isASCIIIDByte) || id.allSatisfy(isIDCharacter) else { return nil }
            ids.append(id)
        }
        return ids.isEmpty ? nil : ids
    }

    private static func isASCIIIDByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    private static func isIDCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "-_:.".contains(character)
    }
}
