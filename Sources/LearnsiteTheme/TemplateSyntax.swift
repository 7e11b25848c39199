/// A parsed Mustache template: text, tags and sections as a tree, compiled for rendering by `TemplateCompiler`.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as written).
    case variable(TemplatePath, escaped: Bool)
    /// `{{#name}}...{{/name}}`, or `{{^name}}...{{/name}}` when `inverted`.
    case section(TemplatePath, [TemplateNode], inverted: Bool)
    /// `{{> name}}`.
    case partial(String, line: Int)
    /// `{{< name}}...{{/name}}`: renders `name` with these blocks replacing its own.
    case parent(String, blocks: [String: [TemplateNode]], line: Int)
    /// `{{$name}}default{{/name}}`.
    case block(String, [TemplateNode])
}

/// `a.b.c`, `.` (the current item), `empty(a.b)`, or `first()` / `last()` inside a list.
struct TemplatePath: Sendable {
    enum Function: String, Sendable {
        /// `empty(list)`: true when the list (or text) is empty.
        case empty
        /// `first()` / `last()`: true for the first / last item of the list being repeated.
        case first, last
    }

    /// Empty for `.` and for `first()` / `last()`.
    let names: [String]
    let function: Function?
}

/// A template that cannot be read, at its line (1-based).
public struct TemplateSyntaxError: Error {
    public let line: Int
    public let message: String
    /// The line as written, to quote in the diagnostic.
    public let lineText: String
}

/// Reads Mustache text into `TemplateNode`s: the spec's tags, standalone lines, partials and
/// inheritance (`{{<parent}}` with `{{$block}}`s), and the `empty(...)` test.
enum TemplateParser {
    private struct Tag {
        /// `#`, `^`, `/`, `!`, `>`, `<`, `$`, `&`, `%`, `=`, or nil for a variable.
        let sigil: Character?
        let name: String
        let line: Int
    }

    private enum Piece {
        case text(Substring)
        case tag(Tag)
    }

    static func parse(_ source: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        func failure(_ line: Int, _ message: String) -> TemplateSyntaxError {
            // Split only for an error: splitting every template by Characters was a tenth of compiling the theme.
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            return TemplateSyntaxError(line: line, message: message,
                                       lineText: line <= lines.count ? lines[line - 1].trimmingSpaces() : "")
        }
        let pieces = try tokenize(source, failure)
        return try tree(from: removeStandaloneLines(pieces), failure)
    }

    private static func tokenize(_ source: String, _ failure: (Int, String) -> TemplateSyntaxError) throws(TemplateSyntaxError) -> [Piece] {
        var pieces: [Piece] = []
        var rest = source[...]
        var line = 1
        while let open = rest.firstRange(ofASCII: "{{") {
            let text = rest[..<open.lowerBound]
            pieces.append(.text(text))
            line += text.newlineCount
            var inside = rest[open.upperBound...]
            let triple = inside.hasPrefix("{")
            let closer: StaticString = triple ? "}}}" : "}}"
            if triple { inside = inside.dropFirst() }
            guard let close = inside.firstRange(ofASCII: closer) else { throw failure(line, "a tag is not closed with `}}`") }
            var content = inside[..<close.lowerBound].trimmingSpaces()[...]
            var sigil: Character? = triple ? "&" : nil
            if !triple, let first = content.first, "#^/!><$&%=".contains(first) {
                sigil = first
                content = content.dropFirst().trimmingSpaces()[...]
            }
            pieces.append(.tag(Tag(sigil: sigil, name: String(content), line: line)))
            line += inside[..<close.upperBound].newlineCount
            rest = inside[close.upperBound...]
        }
        pieces.append(.text(rest))
        return pieces
    }

    /// The spec's standalone rule: a line holding only a section, comment, partial, block or pragma
    /// tag (and spaces) leaves nothing in the output, not even its line break.
    private static func removeStandaloneLines(_ pieces: [Piece]) -> [Piece] {
        // pieces alternate text, tag, text, ..., text.
        var trimStart = Array(repeating: false, count: pieces.count)
        var trimEnd = Array(repeating: false, count: pieces.count)
        for index in stride(from: 1, to: pieces.count - 1, by: 2) {
            guard case .tag(let tag) = pieces[index], let sigil = tag.sigil, !"&".contains(sigil),
                  case .text(let before) = pieces[index - 1], case .text(let after) = pieces[index + 1] else { continue }
            let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) }
            guard lineStart != nil || index == 1, before[(lineStart ?? before.startIndex)...].isBlank else { continue }
            let lineEnd = after.firstIndex(of: "\n")
            guard lineEnd != nil || index + 1 == pieces.count - 1, after[..<(lineEnd ?? after.endIndex)].isBlank else { continue }
            // A partial keeps its indentation as text, so its first line lines up.
            if sigil != ">" { trimEnd[index - 1] = true }
            trimStart[index + 1] = true
        }
        return pieces.indices.map { index in
            guard case .text(let text) = pieces[index] else { return pieces[index] }
            let start = trimStart[index] ? text.firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex : text.startIndex
            let end = trimEnd[index] ? text.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex : text.endIndex
            return .text(start < end ? text[start..<end] : "")
        }
    }

    private static func tree(from pieces: [Piece], _ failure: (Int, String) -> TemplateSyntaxError) throws(TemplateSyntaxError) -> [TemplateNode] {
        var stack: [(tag: Tag, nodes: [TemplateNode])] = [(Tag(sigil: nil, name: "", line: 0), [])]
        for piece in pieces {
            switch piece {
            case .text(let text):
                if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(String(text))) }
            case .tag(let tag):
                switch tag.sigil {
                case "!", "%":
                    continue
                case "=":
                    throw failure(tag.line, "changing the tag delimiters (`{{=...=}}`) is not supported")
                case "#", "^", "$", "<":
                    stack.append((tag, []))
                case "/":
                    guard stack.count > 1 else { throw failure(tag.line, "a closing tag `{{/\(tag.name)}}` has no section to close") }
                    let (open, nodes) = stack.removeLast()
                    guard open.name == tag.name else {
                        throw failure(tag.line, "a closing tag `{{/\(tag.name)}}` does not match the section it closes (`{{\(open.sigil!)\(open.name)}}` on line \(open.line))")
                    }
                    let node: TemplateNode
                    switch open.sigil {
                    case "$": node = .block(open.name, nodes)
                    case "<":
                        var blocks: [String: [TemplateNode]] = [:]
                        for case .block(let name, let content) in nodes { blocks[name] = content }
                        node = .parent(open.name, blocks: blocks, line: open.line)
                    default: node = .section(try path(open.name, open.line, failure), nodes, inverted: open.sigil == "^")
                    }
                    stack[stack.count - 1].nodes.append(node)
                case ">":
                    stack[stack.count - 1].nodes.append(.partial(tag.name, line: tag.line))
                default:
                    stack[stack.count - 1].nodes.append(.variable(try path(tag.name, tag.line, failure), escaped: tag.sigil == nil))
                }
            }
        }
        if let open = stack.last, stack.count > 1 {
            throw failure(open.tag.line, "a section `{{\(open.tag.sigil!)\(open.tag.name)}}` is never closed with `{{/\(open.tag.name)}}`")
        }
        return stack[0].nodes
    }

    private static func path(_ text: String, _ line: Int, _ failure: (Int, String) -> TemplateSyntaxError) throws(TemplateSyntaxError) -> TemplatePath {
        var name = text[...]
        var function: TemplatePath.Function?
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            let functionName = name[..<open]
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
            function = TemplatePath.Function(rawValue: String(functionName))
            guard let function, (function == .empty) != name.isEmpty else {
                throw failure(line, "`\(text)` is not a test templates can use; they can use `empty(name)`, `first()` and `last()`")
            }
            if function != .empty { return TemplatePath(names: [], function: function) }
        }
        if name == "." { return TemplatePath(names: [], function: function) }
        let names = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !name.isEmpty, names.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
            throw failure(line, "`\(text)` is not a name a template can look up; write it like `title` or `layout.site.name`")
        }
        return TemplatePath(names: names, function: function)
    }
}

private extension Substring {
    /// Where `marker` (ASCII) first occurs, found on UTF-8 bytes: `firstRange(of:)` compared Characters,
    /// most of compiling the theme, which every build and rebuild does first.
    func firstRange(ofASCII marker: StaticString) -> Range<String.Index>? {
        let bytes = utf8, marker = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        var start = bytes.startIndex
        while let hit = bytes[start...].firstIndex(of: marker[0]) {
            var end = hit, matched = 0
            while matched < marker.count, end < bytes.endIndex, bytes[end] == marker[matched] {
                end = bytes.index(after: end)
                matched += 1
            }
            if matched == marker.count { return hit..<end }
            start = bytes.index(after: hit)
        }
        return nil
    }

    func trimmingSpaces() -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}

private extension StringProtocol {
    var newlineCount: Int { utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
    var isBlank: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}
