import CCmarkGFM

/// Abbreviations to explain on a page: each is wrapped as `<abbr title="expansion">` at its first
/// use in body text (not in links, headings, code or an existing `<abbr>`).
public struct Abbreviations: Sendable {
    /// Terms by their first word, longest first, so "MASH" is found in one dictionary lookup per word.
    private let byFirstWord: [Substring: [(term: String, expansion: String)]]
    /// Written into each `<abbr>` after its title, e.g. an attribute a search indexer reads.
    private let extraAttributes: String

    public static let none = Abbreviations([])

    public init(_ terms: [(term: String, expansion: String)], extraAttributes: String = "") {
        self.extraAttributes = extraAttributes.isEmpty ? "" : " " + extraAttributes
        var index: [Substring: [(term: String, expansion: String)]] = [:]
        for entry in terms {
            guard let word = Self.words(in: entry.term).first else { continue }
            index[entry.term[word], default: []].append(entry)
        }
        byFirstWord = index.mapValues { $0.sorted { $0.term.count > $1.term.count } }
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
                node = InlineRewriter.wrap(node, text: text, range: range,
                                           open: "<abbr title=\"\(htmlEscaped(entry.expansion))\"\(extraAttributes)>", close: "</abbr>")
                text = InlineRewriter.literal(of: node)
                searchFrom = text.startIndex
            }
        }
        return used
    }

    private func firstUnused(in text: String, from start: String.Index, skipping used: Set<String>)
        -> (Range<String.Index>, (term: String, expansion: String))? {
        for word in Self.words(in: text[start...]) {
            guard let candidates = byFirstWord[text[word]] else { continue }
            for entry in candidates where !used.contains(entry.term) {
                guard text[word.lowerBound...].hasPrefix(entry.term) else { continue }
                let end = text.index(word.lowerBound, offsetBy: entry.term.count)
                if end == text.endIndex || !Self.isWordCharacter(text[end]) {
                    return (word.lowerBound..<end, entry)
                }
            }
        }
        return nil
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Ranges of the words (runs of letters and digits) in `text`.
    private static func words<S: StringProtocol>(in text: S) -> [Range<S.Index>] {
        var ranges: [Range<S.Index>] = []
        var wordStart: S.Index?
        var index = text.startIndex
        while index < text.endIndex {
            if isWordCharacter(text[index]) {
                if wordStart == nil { wordStart = index }
            } else if let begin = wordStart {
                ranges.append(begin..<index)
                wordStart = nil
            }
            index = text.index(after: index)
        }
        if let begin = wordStart { ranges.append(begin..<text.endIndex) }
        return ranges
    }
}
