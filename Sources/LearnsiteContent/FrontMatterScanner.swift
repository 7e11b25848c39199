import Foundation

/// Reads the plain shape of YAML that front matter almost always has, without Yams: `key: value`
/// lines whose values are plain or quoted scalars, `[a, b]` lists, or indented `- item` lists whose
/// items are scalars or groups of `key: value` fields. Such a list may also be the whole text, as in
/// the glossary and the reference library (Yams took 74 million instructions for a library of 200
/// references, this 6 million).
///
/// Anything else (comments after values, multi-line or block scalars, escapes, anchors, tabs,
/// repeated keys, nesting) returns nil, and the caller parses the text with Yams, which also
/// reports errors. So this never has to be right about unusual YAML, only about the common shape;
/// a test compares it with Yams on every shape it accepts.
enum FrontMatterScanner {
    static func parse(_ yaml: String) -> YAMLNode? {
        var yaml = yaml
        // On UTF-8 bytes with offsets: Substring slicing and searching were most of loading a large archive.
        return yaml.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return scanner.parse()
        }
    }

    private struct Line {
        let number: Int
        let indent: Int
        /// The text after the indent, trailing spaces removed: bytes `start..<end`.
        let start: Int
        let end: Int
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var lines: [Line] = []
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func parse() -> YAMLNode? {
            guard let base = bytes.baseAddress else { return nil }
            // Tabs and carriage returns are shapes left to Yams; `memchr` finds them, and each line's end,
            // faster than a loop over the bytes (the line split was a quarter of reading front matter).
            guard memchr(base, 0x09, bytes.count) == nil, memchr(base, 0x0D, bytes.count) == nil else { return nil }
            lines.reserveCapacity(32)
            var number = 0
            var lineStart = 0
            while lineStart <= bytes.count {
                let lineEnd = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
                number += 1
                var start = lineStart, end = lineEnd
                while start < end && bytes[start] == 0x20 { start += 1 }
                while end > start && bytes[end - 1] == 0x20 { end -= 1 }
                if start < end && bytes[start] != UInt8(ascii: "#") {
                    lines.append(Line(number: number, indent: start - lineStart, start: start, end: end))
                }
                lineStart = lineEnd + 1
            }
            guard let first = lines.first, first.indent == 0 else { return nil }
            if isSequenceItem(first) {
                guard let items = sequence(indent: 0), position == lines.count else { return nil }
                return items
            }
            guard let fields = mapping(indent: 0), position == lines.count else { return nil }
            return YAMLNode(.mapping(fields), line: first.number)
        }

        /// `key: value` lines at `indent`, with the blocks below keys that have no value on their line.
        private mutating func mapping(indent: Int) -> YAMLMapping? {
            var pairs: [YAMLMapping.Pair] = []
            // A mapping has a dozen keys or so: a list to search costs less than hashing each into a set.
            var seen: [String] = []
            pairs.reserveCapacity(16)
            seen.reserveCapacity(16)
            while position < lines.count, lines[position].indent == indent, !isSequenceItem(lines[position]) {
                let line = lines[position]
                guard let (keyEnd, rest) = field(line.start, line.end) else { return nil }
                let key = text(line.start, keyEnd)
                guard !seen.contains(key) else { return nil }
                seen.append(key)
                position += 1
                let value: YAMLNode
                if let rest {
                    guard let inline = inlineValue(rest, line.end, line: line.number) else { return nil }
                    value = inline
                } else if position < lines.count, isSequenceItem(lines[position]),
                          lines[position].indent > indent || (lines[position].indent == indent && indent == 0) {
                    guard let items = sequence(indent: lines[position].indent) else { return nil }
                    value = items
                } else {
                    value = YAMLNode(.scalar("", plain: true), line: line.number)
                }
                pairs.append(YAMLMapping.Pair(key: YAMLNode(.scalar(key, plain: true), line: line.number), value: value))
            }
            return YAMLMapping(pairs: pairs)
        }

        /// `- item` lines at `indent`.
        private mutating func sequence(indent: Int) -> YAMLNode? {
            let firstLine = lines[position].number
            var items: [YAMLNode] = []
            // Lists are short; reserved, they are not reallocated as they grow from nothing.
            items.reserveCapacity(8)
            while position < lines.count, lines[position].indent == indent, isSequenceItem(lines[position]) {
                let line = lines[position]
                let item = line.start + 2
                if field(item, line.end) != nil {
                    // `- label: ...` opens a group whose other fields line up with `label`.
                    let itemIndent = indent + 2
                    lines[position] = Line(number: line.number, indent: itemIndent, start: item, end: line.end)
                    guard let fields = mapping(indent: itemIndent) else { return nil }
                    items.append(YAMLNode(.mapping(fields), line: line.number))
                } else {
                    guard let value = inlineValue(item, line.end, line: line.number) else { return nil }
                    items.append(value)
                    position += 1
                }
                // Anything indented further that the item did not take is a shape left to Yams.
                if position < lines.count, lines[position].indent > indent { return nil }
            }
            return YAMLNode(.sequence(items), line: firstLine)
        }

        private func isSequenceItem(_ line: Line) -> Bool {
            line.end - line.start >= 2 && bytes[line.start] == UInt8(ascii: "-") && bytes[line.start + 1] == 0x20
        }

        /// `key:` or `key: rest`, for a key of letters, digits, `_` and `-`: where the key ends, and
        /// where the rest starts.
        private func field(_ start: Int, _ end: Int) -> (keyEnd: Int, rest: Int?)? {
            guard let colon = (start..<end).first(where: { bytes[$0] == UInt8(ascii: ":") }), colon > start,
                  bytes[start] != UInt8(ascii: "-"),
                  (start..<colon).allSatisfy({ isWordByte(bytes[$0]) || bytes[$0] == UInt8(ascii: "_") || bytes[$0] == UInt8(ascii: "-") })
            else { return nil }
            if colon + 1 == end { return (colon, nil) }
            guard bytes[colon + 1] == 0x20 else { return nil }
            var rest = colon + 1
            while rest < end && bytes[rest] == 0x20 { rest += 1 }
            return (colon, rest)
        }

        /// A scalar or a `[a, b]` list written on one line.
        private func inlineValue(_ start: Int, _ end: Int, line: Int) -> YAMLNode? {
            switch bytes[start] {
            case UInt8(ascii: "\""):
                guard end - start >= 2, bytes[end - 1] == UInt8(ascii: "\"") else { return nil }
                let content = start + 1..<end - 1
                guard !content.contains(where: { bytes[$0] == UInt8(ascii: "\"") || bytes[$0] == UInt8(ascii: "\\") }) else { return nil }
                return YAMLNode(.scalar(text(content.lowerBound, content.upperBound), plain: false), line: line)
            case UInt8(ascii: "'"):
                guard end - start >= 2, bytes[end - 1] == UInt8(ascii: "'") else { return nil }
                // Inside single quotes the only escape is `''`; a lone quote means the value ended earlier.
                var unquoted: [UInt8] = []
                var index = start + 1
                while index < end - 1 {
                    if bytes[index] == UInt8(ascii: "'") {
                        guard index + 1 < end - 1, bytes[index + 1] == UInt8(ascii: "'") else { return nil }
                        index += 1
                    }
                    unquoted.append(bytes[index])
                    index += 1
                }
                return YAMLNode(.scalar(String(decoding: unquoted, as: UTF8.self), plain: false), line: line)
            case UInt8(ascii: "["):
                guard end - start >= 2, bytes[end - 1] == UInt8(ascii: "]") else { return nil }
                let inner = start + 1..<end - 1
                if inner.allSatisfy({ bytes[$0] == 0x20 }) { return YAMLNode(.sequence([]), line: line) }
                var items: [YAMLNode] = []
                items.reserveCapacity(8)
                var pieceStart = inner.lowerBound
                while pieceStart <= inner.upperBound {
                    let pieceEnd = (pieceStart..<inner.upperBound).first { bytes[$0] == UInt8(ascii: ",") } ?? inner.upperBound
                    var item = pieceStart
                    while item < pieceEnd && bytes[item] == 0x20 { item += 1 }
                    guard item < pieceEnd, isPlain(item, pieceEnd, inFlow: true) else { return nil }
                    items.append(YAMLNode(.scalar(text(item, pieceEnd), plain: true), line: line))
                    pieceStart = pieceEnd + 1
                }
                return YAMLNode(.sequence(items), line: line)
            default:
                guard isPlain(start, end, inFlow: false) else { return nil }
                return YAMLNode(.scalar(text(start, end), plain: true), line: line)
            }
        }

        /// A plain scalar YAML reads exactly as written: no indicator first, no comment, no `: ` inside.
        /// `:` and `#` are rare in values, so `memchr` finds them rather than a test of every byte.
        private func isPlain(_ start: Int, _ end: Int, inFlow: Bool) -> Bool {
            guard !Self.isIndicator(bytes[start]), bytes[end - 1] != UInt8(ascii: ":"),
                  !has(UInt8(ascii: ":"), start, end, where: { $0 + 1 < end && bytes[$0 + 1] == 0x20 }),
                  !has(UInt8(ascii: "#"), start, end, where: { $0 > start && bytes[$0 - 1] == 0x20 }) else { return false }
            return !inFlow || !bytes[start..<end].contains(where: Self.isFlowIndicator)
        }

        /// Whether `byte` occurs in `start..<end` at an offset for which `test` holds.
        private func has(_ byte: UInt8, _ start: Int, _ end: Int, where test: (Int) -> Bool) -> Bool {
            let base = bytes.baseAddress!
            var from = start
            while from < end, let found = memchr(base + from, Int32(byte), end - from) {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if test(offset) { return true }
                from = offset + 1
            }
            return false
        }

        /// Bytes that may not start a plain scalar, and bytes that end one inside `[...]` (a switch, not a
        /// table in a static, which was looked up through a lazy-initialisation check at every byte).
        private static func isIndicator(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                 UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"): true
            default: isFlowIndicator(byte)
            }
        }

        private static func isFlowIndicator(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","),
                 UInt8(ascii: "\""), UInt8(ascii: "'"): true
            default: false
            }
        }

        private func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }

        private func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}
