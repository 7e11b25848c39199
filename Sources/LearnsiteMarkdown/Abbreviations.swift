import CCmarkGFM
import Foundation

/// Abbreviations to explain on a page: each is wrapped as `<abbr title="expansion">` at its first
/// use in body text (not in links, headings, code or an existing `<abbr>`).
public struct Abbreviations: Sendable {
    /// A term and the `<abbr ...>` tag that opens it, escaped once rather than at every use.
    private struct Entry {
        let term: String
        let openTag: String
    }

    /// Terms by their first word, longest first, so "MASH" is found in one dictionary lookup per word.
    private let byFirstWord: [String: [Entry]]
    /// For each byte, the lengths of the terms' first words that start with it, as bits (63 for any
    /// longer): most words of prose match none, so they skip the dictionary lookup, which hashes the word.
    private let firstWordLengths: [UInt64]

    public static let none = Abbreviations([])

    /// - Parameter extraAttributes: written into each `<abbr>` after its title, e.g. an attribute a search indexer reads.
    public init(_ terms: [(term: String, expansion: String)], extraAttributes: String = "") {
        let extra = extraAttributes.isEmpty ? "" : " " + extraAttributes
        var index: [String: [Entry]] = [:]
        for (term, expansion) in terms {
            guard let word = Self.firstWord(of: term) else { continue }
            index[String(word), default: []].append(Entry(term: term, openTag: "<abbr title=\"\(htmlEscaped(expansion))\"\(extra)>"))
        }
        byFirstWord = index.mapValues { $0.sorted { $0.term.count > $1.term.count } }
        var lengths = Array(repeating: UInt64(0), count: 256)
        for word in index.keys { lengths[Int(word.utf8.first!)] |= Self.lengthBit(word.utf8.count) }
        firstWordLengths = lengths
    }

    var isEmpty: Bool { byFirstWord.isEmpty }

    /// Wraps first uses in `document`; returns the terms used, in order of first use.
    func apply(to document: CmarkDocument) -> [String] {
        guard !isEmpty else { return [] }
        var used: [String] = []
        var usedSet: Set<String> = []
        for (start, isProtected) in InlineRewriter.textNodes(of: document) where !isProtected {
            var node = start
            // Read in cmark's own bytes: a Swift string of every text node was most of this pass.
            while let literal = cmark_node_get_literal(node) {
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
                guard let (range, entry) = firstUnused(in: bytes, skipping: usedSet) else { break }
                used.append(entry.term)
                usedSet.insert(entry.term)
                let text = String(decoding: bytes, as: UTF8.self)
                // Offsets sit on word boundaries, which are character boundaries.
                let lower = text.utf8.index(text.startIndex, offsetBy: range.lowerBound)
                let upper = text.utf8.index(lower, offsetBy: range.count)
                node = InlineRewriter.wrap(node, of: document, text: text, range: lower..<upper, open: entry.openTag, close: "</abbr>")
            }
        }
        return used
    }

    /// The first glossary term not yet used, on word boundaries: letters and digits (and any
    /// non-ASCII byte) make words.
    private func firstUnused(in bytes: UnsafeBufferPointer<UInt8>, skipping used: Set<String>) -> (Range<Int>, Entry)? {
        var index = 0
        while index < bytes.count {
            guard Self.isWordByte(bytes[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count && Self.isWordByte(bytes[end]) { end += 1 }
            if firstWordLengths[Int(bytes[index])] & Self.lengthBit(end - index) != 0,
               let candidates = byFirstWord[String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)] {
                let rest = UnsafeBufferPointer(rebasing: bytes[index...])
                for entry in candidates where rest.starts(with: entry.term.utf8) && !used.contains(entry.term) {
                    let termEnd = index + entry.term.utf8.count
                    if termEnd == bytes.count || !Self.isWordByte(bytes[termEnd]) {
                        return (index..<termEnd, entry)
                    }
                }
            }
            index = end
        }
        return nil
    }

    private static func lengthBit(_ length: Int) -> UInt64 {
        1 << min(length, 63)
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
