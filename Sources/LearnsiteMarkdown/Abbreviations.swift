import CCmarkGFM
import Foundation

/// Abbreviations to explain on a page: each is wrapped as `<abbr title="expansion">` at its first
/// use in body text (not in links, headings, code or an existing `<abbr>`).
public struct Abbreviations: Sendable {
    /// A term, its UTF-8 bytes and the `<abbr ...>` tag that opens it, escaped once rather than at every use
    /// and kept as the C string cmark takes (passing a `String` made one at every use).
    private struct Entry {
        let term: String
        /// Where the term comes in the list the abbreviations were made from.
        let place: Int
        let bytes: [UInt8]
        let openTag: ContiguousArray<CChar>
    }

    private let entries: [Entry]
    /// Terms sharing a first word, longest first, as indexes into `entries`: each group is found by
    /// its first word's bytes, without making a string of every word of prose.
    private let groups: [[Int]]
    private let groupWords: [[UInt8]]
    /// `groups` by the hash of their first word, open-addressed; -1 is free.
    private let slots: [Int]
    /// For each byte, the lengths of the terms' first words that start with it, as bits (63 for any
    /// longer): most words of prose match none, so they are not even hashed.
    private let firstWordLengths: [UInt64]
    /// The lowest and highest byte that starts a term, when all are ASCII (glossary terms are capitals):
    /// eight bytes of prose with none in that range are passed over at once.
    private let firstBytes: (low: UInt8, high: UInt8)?

    public static let none = Abbreviations([])

    /// - Parameter extraAttributes: written into each `<abbr>` after its title, e.g. an attribute a search indexer reads.
    public init(_ terms: [(term: String, expansion: String)], extraAttributes: String = "") {
        let extra = extraAttributes.isEmpty ? "" : " " + extraAttributes
        var entries: [Entry] = []
        var groups: [[Int]] = [], groupWords: [[UInt8]] = []
        var groupOfWord: [[UInt8]: Int] = [:]
        var seen: Set<String> = []
        // A term written twice is explained once, as the first entry says.
        for (place, (term, expansion)) in terms.enumerated() where seen.insert(term).inserted {
            guard let word = Self.firstWord(of: Array(term.utf8)) else { continue }
            let group = groupOfWord[word] ?? {
                groups.append([])
                groupWords.append(word)
                groupOfWord[word] = groups.count - 1
                return groups.count - 1
            }()
            groups[group].append(entries.count)
            entries.append(Entry(term: term, place: place, bytes: Array(term.utf8), openTag: "<abbr title=\"\(htmlEscaped(expansion))\"\(extra)>".utf8CString))
        }
        // Longest first, so "MASH team" is tried before "MASH"; a stable sort keeps the glossary's order otherwise.
        self.groups = groups.map { group in
            group.enumerated().sorted { a, b in
                let (first, second) = (entries[a.element].term.count, entries[b.element].term.count)
                return first != second ? first > second : a.offset < b.offset
            }.map(\.element)
        }
        var slots = [Int](repeating: -1, count: max(16, 1 << (Int.bitWidth - (groups.count * 2).leadingZeroBitCount)))
        var lengths = [UInt64](repeating: 0, count: 256)
        for (group, word) in groupWords.enumerated() {
            var slot = word.withUnsafeBufferPointer(Self.hash) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = group
            lengths[Int(word[0])] |= Self.lengthBit(word.count)
        }
        self.entries = entries
        self.groupWords = groupWords
        self.slots = slots
        firstWordLengths = lengths
        let starts = groupWords.map { $0[0] }
        if let low = starts.min(), let high = starts.max(), high < 0x80 { firstBytes = (low, high) } else { firstBytes = nil }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Wraps first uses in `texts` of `document`; returns the terms used, in order of first use, with
    /// their places in the list the abbreviations were made from (the first, for a term listed twice).
    func apply(to document: CmarkDocument, texts: [InlineRewriter.TextNode]) -> (terms: [String], places: [Int]) {
        guard !isEmpty else { return ([], []) }
        var used: [String] = [], places: [Int] = []
        // A page explains a handful of terms: reserved, the lists are not reallocated as they grow.
        used.reserveCapacity(16)
        places.reserveCapacity(16)
        var isUsed = [Bool](repeating: false, count: entries.count)
        for (start, isProtected) in texts where !isProtected {
            var node = start
            // Read in cmark's own bytes: a Swift string of every text node was most of this pass.
            while let bytes = InlineRewriter.bytes(of: node), let (range, entry) = firstUnused(in: bytes, skipping: isUsed) {
                used.append(entries[entry].term)
                places.append(entries[entry].place)
                isUsed[entry] = true
                node = entries[entry].openTag.withUnsafeBufferPointer { open in
                    InlineRewriter.wrap(node, of: document, range: range, open: open.baseAddress!, close: "</abbr>")
                }
            }
        }
        return (used, places)
    }

    /// The first glossary term not yet used, on word boundaries: letters and digits (and any
    /// non-ASCII byte) make words. Returns its range and its index in `entries`.
    private func firstUnused(in bytes: UnsafeBufferPointer<UInt8>, skipping used: [Bool]) -> (Range<Int>, Int)? {
        firstWordLengths.withUnsafeBufferPointer { lengths in
            var index = 0
            while index < bytes.count {
                if let (low, high) = firstBytes {
                    // On to the first byte in the range (the mask marks each one; in little-endian order
                    // the first byte is the lowest).
                    while index + 8 <= bytes.count {
                        let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self).littleEndian
                        let found = Self.bytes(in: low...high, word)
                        if found != 0 {
                            index += found.trailingZeroBitCount / 8
                            break
                        }
                        index += 8
                    }
                    guard index < bytes.count else { break }
                }
                // Only the start of a word that some term's first word could be is looked at further: one
                // table read for most bytes of prose.
                let candidates = lengths[Int(bytes[index])]
                guard candidates != 0, index == 0 || !Self.isWordByte(bytes[index - 1]) else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count && Self.isWordByte(bytes[end]) { end += 1 }
                if candidates & Self.lengthBit(end - index) != 0, let group = group(of: UnsafeBufferPointer(rebasing: bytes[index..<end])) {
                    let rest = UnsafeBufferPointer(rebasing: bytes[index...])
                    for entry in groups[group] where !used[entry] && rest.starts(with: entries[entry].bytes) {
                        let termEnd = index + entries[entry].bytes.count
                        if termEnd == bytes.count || !Self.isWordByte(bytes[termEnd]) {
                            return (index..<termEnd, entry)
                        }
                    }
                }
                index = end
            }
            return nil
        }
    }

    /// The group whose first word is `word`, if any.
    private func group(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(word) & (slots.count - 1)
        while slots[slot] >= 0 {
            if groupWords[slots[slot]].elementsEqual(word) { return slots[slot] }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// FNV-1a: words are short, and any spread will do for a table of a glossary's first words.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ hash >> 32)
    }

    /// The bytes of `word` that lie in `range` (ASCII), each marked by its high bit: the exact test of "Bit
    /// Twiddling Hacks" (`hasbetween`, no carry crosses bytes), for bytes above `range.lowerBound - 1` and
    /// below `range.upperBound + 1`.
    private static func bytes(in range: ClosedRange<UInt8>, _ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let (above, below) = (UInt64(range.lowerBound) &- 1, UInt64(range.upperBound) + 1)
        let low7 = word & (ones &* 0x7F)
        return ((ones &* (127 + below)) &- low7) & ~word & (low7 &+ (ones &* (127 &- above))) & (ones &* 0x80)
    }

    private static func lengthBit(_ length: Int) -> UInt64 {
        1 << min(length, 63)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// The first word of a term (letters, digits, non-ASCII bytes): its group's key.
    private static func firstWord(of term: [UInt8]) -> [UInt8]? {
        guard let start = term.firstIndex(where: isWordByte) else { return nil }
        let end = term[start...].firstIndex { !isWordByte($0) } ?? term.endIndex
        return Array(term[start..<end])
    }
}
