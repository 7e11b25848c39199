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
    static func apply(to document: CmarkDocument, known: Set<String>) -> [Citation] {
        var found: [Citation] = []
        var numbers: [String: Int] = [:]
        for (start, _) in InlineRewriter.textNodes(of: document) {
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
                node = InlineRewriter.wrap(node, text: text, range: range,
                                           open: "<sup class=\"citation\">[" + links.joined(separator: ", ") + "]",
                                           close: "</sup>", inner: "")
                text = InlineRewriter.literal(of: node)
                searchFrom = text.startIndex
            }
        }
        return found
    }

    /// The next `[@id; @id]` from `start`: its range and the ids.
    private static func nextCitation(in text: String, from start: String.Index) -> (Range<String.Index>, [String])? {
        var searchFrom = start
        while let open = openingBracket(in: text, from: searchFrom) {
            guard let close = text[open.upperBound...].firstIndex(of: "]") else { return nil }
            let inside = text[text.index(after: open.lowerBound)..<close]
            let ids = inside.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            if !ids.isEmpty, ids.allSatisfy({ $0.hasPrefix("@") && $0.count > 1 && $0.dropFirst().allSatisfy(isIDCharacter) }) {
                return (open.lowerBound..<text.index(after: close), ids.map { String($0.dropFirst()) })
            }
            searchFrom = open.upperBound
        }
        return nil
    }

    /// The next `[@`, found on UTF-8 bytes (Foundation's `range(of:)` was a tenth of a large build).
    private static func openingBracket(in text: String, from start: String.Index) -> Range<String.Index>? {
        let bytes = text.utf8
        var index = start
        while let bracket = bytes[index...].firstIndex(of: UInt8(ascii: "[")) {
            let next = bytes.index(after: bracket)
            if next < bytes.endIndex && bytes[next] == UInt8(ascii: "@") { return bracket..<bytes.index(after: next) }
            index = next
        }
        return nil
    }

    private static func isIDCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "-_:.".contains(character)
    }
}
