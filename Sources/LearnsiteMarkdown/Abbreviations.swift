import CCmarkGFM

/// Abbreviations to explain on a page: each is wrapped as `<abbr title="expansion">` at its first
/// use in body text (not in links, headings, code or an existing `<abbr>`).
public struct Abbreviations: Sendable {
    /// A term and the `<abbr ...>` tag that opens it, escaped once rather than at every use.
    private struct Entry {
        let term: String
        let openTag: String
    }

    /// Terms by their first word, longest first, so "MASH" is found in one dictionary lookup per word.
    private let byFirstWord: [Substring: [Entry]]
    /// Which bytes start a term: most words of prose start with none of them (terms are mostly capitals),
    /// so they skip the dictionary lookup, which hashes the word.
    private let startsTerm: [Bool]

    public static let none = Abbreviations([])

    /// - Parameter extraAttributes: written into each `<abbr>` after its title, e.g. an attribute a search indexer reads.
    public init(_ terms: [(term: String, expansion: String)], extraAttributes: String = "") {
        let extra = extraAttributes.isEmpty ? "" : " " + extraAttributes
        var index: [Substring: [Entry]] = [:]
        for (term, expansion) in terms {
            guard let word = Self.firstWord(of: term) else { continue }
            index[word, default: []].append(Entry(term: term, openTag: "<abbr title=\"\(htmlEscaped(expansion))\"\(extra)>"))
        }
        byFirstWord = index.mapValues { $0.sorted { $0.term.count > $1.term.count } }
        var starts = Array(repeating: false, count: 256)
        for word in index.keys { starts[Int(word.utf8.first!)] = true }
        startsTerm = starts
    }

    var isEmpty: Bool { byFirstWord.isEmpty }

    /// Wraps first uses in `document`; returns the terms used, in order of first use.
    func apply(to document: CmarkDocument) -> [String] {
        guard !isEmpty else { return [] }
        var used: [String] = []
        var usedSet: Set<String> = []
        for (start, isProtected) in InlineRewriter.textNodes(of: document) where !isProtected {
            var node = start
            var text = InlineRewriter.literal(of: node)
            var searchFrom = text.startIndex
            while let (range, entry) = firstUnused(in: text, from: searchFrom, skipping: usedSet) {
                used.append(entry.term)
                usedSet.insert(entry.term)
                node = InlineRewriter.wrap(node, text: text, range: range, open: entry.openTag, close: "</abbr>")
                text = InlineRewriter.literal(of: node)
                searchFrom = text.startIndex
            }
        }
        return used
    }

    /// The first glossary term not yet used, at or after `start`, on word boundaries.
    /// Scans UTF-8 bytes once: letters and digits (and any non-ASCII byte) make words.
    private func firstUnused(in text: String, from start: String.Index, skipping used: Set<String>)
        -> (Range<String.Index>, Entry)? {
        let bytes = text.utf8
        var index = start
        while index < bytes.endIndex {
            guard Self.isWordByte(bytes[index]) else {
                index = bytes.index(after: index)
                continue
            }
            var end = index
            while end < bytes.endIndex && Self.isWordByte(bytes[end]) { end = bytes.index(after: end) }
            if startsTerm[Int(bytes[index])], let candidates = byFirstWord[text[index..<end]] {
                for entry in candidates where bytes[index...].starts(with: entry.term.utf8) && !used.contains(entry.term) {
                    let termEnd = text.utf8.index(index, offsetBy: entry.term.utf8.count)
                    if termEnd == bytes.endIndex || !Self.isWordByte(bytes[termEnd]) {
                        return (index..<termEnd, entry)
                    }
                }
            }
            index = end
        }
        return nil
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// The first word of a term (letters, digits, non-ASCII), its key in `byFirstWord`.
    private static func firstWord(of term: String) -> Substring? {
        let bytes = term.utf8
        guard let start = bytes.firstIndex(where: isWordByte) else { return nil }
        let end = bytes[start...].firstIndex { !isWordByte($0) } ?? bytes.endIndex
        return term[start..<end]
    }
}
