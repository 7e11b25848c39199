/// Reads the plain shape of YAML that front matter almost always has, without Yams: `key: value`
/// lines whose values are plain or quoted scalars, `[a, b]` lists, or indented `- item` lists whose
/// items are scalars or groups of `key: value` fields.
///
/// Anything else (comments after values, multi-line or block scalars, escapes, anchors, tabs,
/// repeated keys, nesting) returns nil, and the caller parses the text with Yams, which also
/// reports errors. So this never has to be right about unusual YAML, only about the common shape;
/// a test compares it with Yams on every shape it accepts.
enum FrontMatterScanner {
    private struct Line {
        let number: Int
        let indent: Int
        /// The text after the indent, trailing spaces removed.
        let text: Substring
    }

    static func parse(_ yaml: String) -> YAMLNode? {
        var lines: [Line] = []
        var number = 0
        for rawBytes in yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let raw = Substring(rawBytes)
            number += 1
            if raw.utf8.contains(0x09) || raw.utf8.contains(0x0D) { return nil }
            let indent = raw.utf8.prefix { $0 == 0x20 }.count
            var text = raw.dropFirst(indent)
            while text.utf8.last == 0x20 { text = text.dropLast() }
            if text.isEmpty || text.hasPrefix("#") { continue }
            lines.append(Line(number: number, indent: indent, text: text))
        }
        guard let first = lines.first, first.indent == 0 else { return nil }
        var position = 0
        guard let fields = mapping(&lines, &position, indent: 0), position == lines.count else { return nil }
        return YAMLNode(.mapping(fields), line: first.number)
    }

    /// `key: value` lines at `indent`, with the blocks below keys that have no value on their line.
    private static func mapping(_ lines: inout [Line], _ position: inout Int, indent: Int) -> YAMLMapping? {
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var seen: Set<Substring> = []
        while position < lines.count, lines[position].indent == indent, !isSequenceItem(lines[position].text) {
            let line = lines[position]
            guard let (key, rest) = field(line.text), seen.insert(key).inserted else { return nil }
            position += 1
            let value: YAMLNode
            if let rest {
                guard let inline = inlineValue(rest, line: line.number) else { return nil }
                value = inline
            } else if position < lines.count, isSequenceItem(lines[position].text),
                      lines[position].indent > indent || (lines[position].indent == indent && indent == 0) {
                guard let items = sequence(&lines, &position, indent: lines[position].indent) else { return nil }
                value = items
            } else {
                value = YAMLNode(.scalar("", plain: true), line: line.number)
            }
            pairs.append((YAMLNode(.scalar(String(key), plain: true), line: line.number), value))
        }
        return YAMLMapping(pairs)
    }

    /// `- item` lines at `indent`.
    private static func sequence(_ lines: inout [Line], _ position: inout Int, indent: Int) -> YAMLNode? {
        let start = lines[position].number
        var items: [YAMLNode] = []
        while position < lines.count, lines[position].indent == indent, isSequenceItem(lines[position].text) {
            let line = lines[position]
            let item = line.text.dropFirst(2)
            if field(item) != nil {
                // `- label: ...` opens a group whose other fields line up with `label`.
                let itemIndent = indent + 2
                lines[position] = Line(number: line.number, indent: itemIndent, text: item)
                guard let fields = mapping(&lines, &position, indent: itemIndent) else { return nil }
                items.append(YAMLNode(.mapping(fields), line: line.number))
            } else {
                guard let value = inlineValue(item, line: line.number) else { return nil }
                items.append(value)
                position += 1
            }
            // Anything indented further that the item did not take is a shape left to Yams.
            if position < lines.count, lines[position].indent > indent { return nil }
        }
        return YAMLNode(.sequence(items), line: start)
    }

    private static func isSequenceItem(_ text: Substring) -> Bool {
        text.hasPrefix("- ")
    }

    /// `key:` or `key: rest`, for a key of letters, digits, `_` and `-`.
    private static func field(_ text: Substring) -> (key: Substring, rest: Substring?)? {
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")), colon > text.startIndex else { return nil }
        let key = text[..<colon]
        guard key.utf8.allSatisfy({ isWordByte($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }),
              key.utf8.first != UInt8(ascii: "-") else { return nil }
        let after = text[text.index(after: colon)...]
        if after.isEmpty { return (key, nil) }
        guard after.utf8.first == 0x20 else { return nil }
        return (key, after.drop { $0 == " " })
    }

    /// A scalar or a `[a, b]` list written on one line.
    private static func inlineValue(_ text: Substring, line: Int) -> YAMLNode? {
        switch text.utf8.first {
        case UInt8(ascii: "\""):
            let inner = text.dropFirst()
            guard inner.utf8.last == UInt8(ascii: "\""), inner.count >= 1 else { return nil }
            let content = inner.dropLast()
            guard !content.utf8.contains(UInt8(ascii: "\"")), !content.utf8.contains(UInt8(ascii: "\\")) else { return nil }
            return YAMLNode(.scalar(String(content), plain: false), line: line)
        case UInt8(ascii: "'"):
            let inner = text.dropFirst()
            guard inner.utf8.last == UInt8(ascii: "'"), inner.count >= 1 else { return nil }
            let content = inner.dropLast()
            // Inside single quotes the only escape is `''`; a lone quote means the value ended earlier.
            let pieces = content.split(separator: "''", omittingEmptySubsequences: false)
            guard pieces.allSatisfy({ !$0.utf8.contains(UInt8(ascii: "'")) }) else { return nil }
            return YAMLNode(.scalar(pieces.joined(separator: "'"), plain: false), line: line)
        case UInt8(ascii: "["):
            guard text.utf8.last == UInt8(ascii: "]") else { return nil }
            let inner = text.dropFirst().dropLast()
            if inner.allSatisfy({ $0 == " " }) { return YAMLNode(.sequence([]), line: line) }
            var items: [YAMLNode] = []
            for piece in inner.split(separator: ",", omittingEmptySubsequences: false) {
                let item = piece.drop { $0 == " " }
                guard !item.isEmpty, isPlain(item, inFlow: true) else { return nil }
                items.append(YAMLNode(.scalar(String(item), plain: true), line: line))
            }
            return YAMLNode(.sequence(items), line: line)
        default:
            guard isPlain(text, inFlow: false) else { return nil }
            return YAMLNode(.scalar(String(text), plain: true), line: line)
        }
    }

    /// A plain scalar YAML reads exactly as written: no indicator first, no comment, no `: ` inside.
    private static func isPlain(_ text: Substring, inFlow: Bool) -> Bool {
        guard let first = text.utf8.first, !"-?:,[]{}#&*!|>'\"%@`".utf8.contains(first) else { return false }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "#") && previous == 0x20 { return false }
            if previous == UInt8(ascii: ":") && byte == 0x20 { return false }
            if inFlow && "[]{},\"'".utf8.contains(byte) { return false }
            previous = byte
        }
        return previous != UInt8(ascii: ":")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
