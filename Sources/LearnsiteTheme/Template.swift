/// Logic-less Mustache templates rendered from typed view models (`MustacheView`).
///
/// learnsite's own renderer, in place of swift-mustache's: that library finds every value through
/// `Any` and dynamic casts, which cost about 1 ms a page (6.7 s of a 10,000-page site and 3 s of its
/// handouts, two cores). Here a lookup is one dictionary read and a switch over `TemplateValue`, and a
/// page is written into one string.
struct TemplateLibrary: Sendable {
    private(set) var templates: [String: [TemplateNode]] = [:]

    mutating func register(_ nodes: [TemplateNode], named name: String) {
        templates[name] = nodes
    }

    /// Names a template uses as `{{> partial}}` or `{{< parent}}`.
    static func references(in nodes: [TemplateNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case .text, .variable: []
            case .section(_, let children, _), .block(_, let children): references(in: children)
            case .partial(let name): [name]
            case .parent(let name, let blocks): [name] + blocks.values.flatMap(references(in:))
            }
        }
    }

    func render(_ name: String, _ view: any MustacheView) -> String? {
        guard let nodes = templates[name] else { return nil }
        var output = ""
        output.reserveCapacity(16_384)
        var stack: [Frame] = [.view(view, nil)]
        render(nodes, &stack, overrides: [:], into: &output)
        return output
    }

    /// What a section pushed: a view, or a text for `{{.}}`; list items know where they stand.
    private enum Frame {
        case view(any MustacheView, Position?)
        case text(String, Position?)
    }

    private struct Position {
        let first: Bool
        let last: Bool
    }

    private func render(_ nodes: [TemplateNode], _ stack: inout [Frame], overrides: [String: [TemplateNode]], into output: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let path, let escaped):
                switch lookup(path, in: stack) {
                case .text(let text)?: escaped ? appendEscaped(text, to: &output) : output.append(text)
                case .flag(let flag)?: output += flag ? "true" : "false"
                default: break
                }
            case .section(let path, let children, let inverted):
                let value = lookup(path, in: stack)
                if inverted {
                    if !isTruthy(value) { render(children, &stack, overrides: overrides, into: &output) }
                    continue
                }
                switch value {
                case .text(let text)?: renderPushing(.text(text, nil), children, &stack, overrides, &output)
                case .flag(true)?: render(children, &stack, overrides: overrides, into: &output)
                case .view(let view)?: renderPushing(.view(view, nil), children, &stack, overrides, &output)
                case .views(let views)?:
                    for (index, view) in views.enumerated() {
                        let position = Position(first: index == 0, last: index == views.count - 1)
                        renderPushing(.view(view, position), children, &stack, overrides, &output)
                    }
                case .texts(let texts)?:
                    for (index, text) in texts.enumerated() {
                        let position = Position(first: index == 0, last: index == texts.count - 1)
                        renderPushing(.text(text, position), children, &stack, overrides, &output)
                    }
                case .flag(false)?, nil: break
                }
            case .partial(let name):
                if let partial = templates[name] { render(partial, &stack, overrides: overrides, into: &output) }
            case .parent(let name, let blocks):
                // The template that extends is more specific than its parent: its blocks win.
                if let parent = templates[name] {
                    render(parent, &stack, overrides: overrides.merging(blocks) { outer, _ in outer }, into: &output)
                }
            case .block(let name, let defaultContent):
                render(overrides[name] ?? defaultContent, &stack, overrides: overrides, into: &output)
            }
        }
    }

    private func renderPushing(_ frame: Frame, _ nodes: [TemplateNode], _ stack: inout [Frame],
                               _ overrides: [String: [TemplateNode]], _ output: inout String) {
        stack.append(frame)
        render(nodes, &stack, overrides: overrides, into: &output)
        stack.removeLast()
    }

    /// Mustache's context rule: the first name is looked for from the innermost section outwards,
    /// the rest inside what it found.
    private func lookup(_ path: TemplatePath, in stack: [Frame]) -> TemplateValue? {
        var value: TemplateValue?
        if let first = path.names.first {
            for frame in stack.reversed() {
                if case .view(let view, _) = frame, let found = view.field(named: first) {
                    value = found
                    break
                }
            }
            for name in path.names.dropFirst() {
                guard case .view(let view)? = value else { return nil }
                value = view.field(named: name) ?? nil
            }
        } else {
            switch stack.last {
            case .view(let view, _)?: value = .view(view)
            case .text(let text, _)?: value = .text(text)
            case nil: value = nil
            }
        }
        switch path.function {
        case nil:
            return value
        case .empty:
            switch value {
            case .views(let views)?: return .flag(views.isEmpty)
            case .texts(let texts)?: return .flag(texts.isEmpty)
            case .text(let text)?: return .flag(text.isEmpty)
            default: return nil
            }
        case .first, .last:
            for frame in stack.reversed() {
                switch frame {
                case .view(_, let position?), .text(_, let position?):
                    return .flag(path.function == .first ? position.first : position.last)
                default:
                    continue
                }
            }
            return nil
        }
    }

    /// Missing, false and empty lists are false; any text, even empty, is true (as in swift-mustache).
    private func isTruthy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .flag(false)?: false
        case .views(let views)?: !views.isEmpty
        case .texts(let texts)?: !texts.isEmpty
        default: true
        }
    }
}

/// Appends `text` escaped for HTML (`& < > " '`), copying runs without those bytes whole.
func appendEscaped(_ text: String, to output: inout String) {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
        output += text
        return
    }
    var text = text
    text.withUTF8 { bytes in
        var runStart = 0
        for (index, byte) in bytes.enumerated() {
            let entity: String
            switch byte {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            output += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
            output += entity
            runStart = index + 1
        }
        output += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self)
    }
}
