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
        var numbers: [String: Int] = [:]
        var after: [InlineRewriter.TextNode] = []
        after.reserveCapacity(texts.count)
        for (start, isProtected) in texts {
            after.append((start, isProtected))
            // Most text has no citation: look for `[@` in cmark's own bytes before making a Swift string.
            guard let literal = cmark_node_get_literal(start), strstr(literal, "[@") != nil else { continue }
            var node = start
            var text = InlineRewriter.literal(of: node)
            var searchFrom = text.startIndex
            // Nodes made by splitting have no position; a text node never spans lines, so use the original's.
            let line = Int(cmark_node_get_start_line(start))
            while let (range, ids) = nextCitation(in: text, from: searchFrom) {
                var links: [String] = []
                for id in ids {
                    guard known.contains(id) else {
                        found.append(Citation(id: id, number: nil, line: line))
                        continue
                    }
                    let number = numbers[id] ?? numbers.count + 1
                    numbers[id] = number
                    found.append(Citation(id: id, number: number, line: line))
                    links.append("<a href=\"#ref-\(htmlEscaped(id))\">\(number)</a>")
                }
                guard !links.isEmpty else {
                    searchFrom = range.upperBound
                    continue
                }
                node = InlineRewriter.wrap(node, of: document, text: text, range: range,
                                           open: "<sup class=\"citation\">[" + links.joined(separator: ", ") + "]",
                                           close: "</sup>", inner: "")
                after.append((node, isProtected))
                text = InlineRewriter.literal(of: node)
                searchFrom = text.startIndex
            }
        }
        return (found, after)
    }

    /// The next `[@id; @id]` from `start`: its range and the ids. Read on UTF-8 bytes: Character-wise
    /// splitting and Foundation's trimming were a third of the Markdown step of a large build.
    private static func nextCitation(in text: String, from start: String.Index) -> (Range<String.Index>, [String])? {
        let bytes = text.utf8
        var searchFrom = start
        while let open = openingBracket(in: text, from: searchFrom) {
            guard let close = bytes[open.upperBound...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            if let ids = ids(in: text[bytes.index(after: open.lowerBound)..<close]) {
                return (open.lowerBound..<bytes.index(after: close), ids)
            }
            searchFrom = open.upperBound
        }
        return nil
    }

    /// `@a; @b` as `["a", "b"]`; nil unless every part is `@` and an id.
    private static func ids(in inside: Substring) -> [String]? {
        var ids: [String] = []
        for part in inside.utf8.split(separator: UInt8(ascii: ";")) {
            var (lower, upper) = (part.startIndex, part.endIndex)
            while lower < upper, part[lower] == 0x20 || part[lower] == 0x09 { lower = part.index(after: lower) }
            while upper > lower, part[part.index(before: upper)] == 0x20 || part[part.index(before: upper)] == 0x09 {
                upper = part.index(before: upper)
            }
            let trimmed = part[lower..<upper]
            guard trimmed.first == UInt8(ascii: "@"), trimmed.count > 1 else { return nil }
            let id = Substring(trimmed.dropFirst())
            guard id.utf8.allSatisfy(isASCIIIDByte) || id.allSatisfy(isIDCharacter) else { return nil }
            ids.append(String(id))
        }
        return ids.isEmpty ? nil : ids
    }

    /// The next `[@`, found with `memchr` on the UTF-8 bytes (Foundation's `range(of:)` was a tenth of a
    /// large build, and the generic `firstIndex(of:)` still showed in its profile).
    private static func openingBracket(in text: String, from start: String.Index) -> Range<String.Index>? {
        var text = text
        let offset = text.utf8.distance(from: text.startIndex, to: start)
        let found: Int? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var index = offset
            while index < bytes.count, let bracket = memchr(base + index, Int32(UInt8(ascii: "[")), bytes.count - index) {
                let position = base.distance(to: bracket.assumingMemoryBound(to: UInt8.self))
                if position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "@") { return position }
                index = position + 1
            }
            return nil
        }
        guard let found else { return nil }
        let bracket = text.utf8.index(text.startIndex, offsetBy: found)
        return bracket..<text.utf8.index(bracket, offsetBy: 2)
    }

    private static func isASCIIIDByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || "-_:.".utf8.contains(byte)
    }

    private static func isIDCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "-_:.".contains(character)
    }
}
