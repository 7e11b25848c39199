/// Logic-less Mustache templates rendered from typed view models (`MustacheView`).
///
/// learnsite's own renderer, in place of swift-mustache's: that library finds every value through
/// `Any` and dynamic casts, which cost about 1 ms a page (6.7 s of a 10,000-page site and 3 s of its
/// handouts, two cores). Here each template is compiled once (`TemplateProgram`), a lookup is one
/// dictionary read and a switch over `TemplateValue`, and a page is written into one byte array.
struct TemplateLibrary: Sendable {
    private let programs: [String: TemplateProgram]

    /// Compiles every template, with the partials and parents it uses.
    init(_ templates: [String: [TemplateNode]]) throws(TemplateCycleError) {
        var programs: [String: TemplateProgram] = [:]
        for name in templates.keys.sorted() {
            programs[name] = try TemplateCompiler.compile(name, in: templates)
        }
        self.programs = programs
    }

    /// Names a template uses as `{{> partial}}` or `{{< parent}}`.
    static func references(in nodes: [TemplateNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case .text, .variable: []
            case .section(_, let children, _), .block(_, let children): references(in: children)
            case .partial(let name, _): [name]
            case .parent(let name, let blocks, _): [name] + blocks.values.flatMap(references(in:))
            }
        }
    }

    func contains(_ name: String) -> Bool {
        programs[name] != nil
    }

    /// The page's view, boxed so frames hold it by reference.
    private static func box<View: MustacheView>(_ view: View) -> any MustacheView & AnyObject {
        BoxedView(view)
    }

    func render(_ name: String, _ view: any MustacheView) -> [UInt8]? {
        guard let program = programs[name] else { return nil }
        var renderer = TemplateRenderer(program: program, view: Self.box(view))
        renderer.run(0, program.instructions.count)
        return renderer.output
    }
}

/// One rendering of a program: the output so far and the sections it is inside.
private struct TemplateRenderer {
    /// What a section pushed: a view, an item of a list of views, or a text for `{{.}}`; list items
    /// know where they stand. Views are not held: the section that pushed the frame holds them while it
    /// runs (see `runPushing`), so reading a frame, as every lookup does for each frame it passes, retains
    /// and releases nothing.
    enum Frame {
        case view(ViewReference)
        case item(ViewsReference, Int, Position)
        case text(String, Position?)
    }

    struct ViewReference {
        unowned(unsafe) let view: any MustacheView & AnyObject
    }

    struct ViewsReference {
        unowned(unsafe) let views: any MustacheViews
    }

    struct Position {
        let first: Bool
        let last: Bool
    }

    let program: TemplateProgram
    /// The page's view, which the first frame points at.
    let root: any MustacheView & AnyObject
    var output: [UInt8] = []
    var stack: [Frame]
    /// The outermost frame a lookup has read since the innermost shared section began (0 when a name
    /// was found nowhere): a section whose body reads nothing below its own frame can be kept.
    var reach = Int.max

    init(program: TemplateProgram, view: any MustacheView & AnyObject) {
        self.program = program
        root = view
        stack = [.view(ViewReference(view: view))]
        output.reserveCapacity(program.text.count + 16_384)
    }

    /// Runs instructions `start..<end`.
    mutating func run(_ start: Int, _ end: Int) {
        var index = start
        while index < end {
            switch program.instructions[index] {
            case .text(let from, let to):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: program.text[Int(from)..<Int(to)]))
                index += 1
            case .variable(let path, let escaped):
                switch lookup(path) {
                case .text(let text)?: escaped ? appendEscaped(text) : output.append(contentsOf: text.utf8)
                case .utf8(let bytes)?: escaped ? bytes.withUnsafeBufferPointer { appendEscaped($0) } : output.append(contentsOf: bytes)
                case .flag(let flag)?: output.append(contentsOf: (flag ? "true" : "false").utf8)
                default: break
                }
                index += 1
            case .section(let path, let inverted, let sectionEnd):
                let body = index + 1
                index = Int(sectionEnd)
                let value = lookup(path)
                if inverted {
                    if !isTruthy(value) { run(body, index) }
                    continue
                }
                // Consumed: bound from a copy, each payload cost a retain and a release.
                switch consume value {
                case .text(let text)?: runPushing(.text(text, nil), holding: nil, body, index)
                case .utf8(let bytes)?: runPushing(.text(String(decoding: bytes, as: UTF8.self), nil), holding: nil, body, index)
                case .flag(true)?: run(body, index)
                case .view(let view)?: runPushing(.view(ViewReference(view: view)), holding: view, body, index)
                case .shared(let view)?: runShared(view, .view(ViewReference(view: view)), holding: view, at: body - 1, body, index)
                case .views(let views)?:
                    let count = views.count
                    for item in 0..<count {
                        let frame = Frame.item(ViewsReference(views: views), item, Position(first: item == 0, last: item == count - 1))
                        if let shared = views.sharedView(at: item) {
                            runShared(shared, frame, holding: views, at: body - 1, body, index)
                        } else {
                            runPushing(frame, holding: views, body, index)
                        }
                    }
                case .texts(let texts)?:
                    for (item, text) in texts.enumerated() {
                        runPushing(.text(text, Position(first: item == 0, last: item == texts.count - 1)), holding: nil, body, index)
                    }
                case .flag(false)?, nil: break
                }
            }
        }
    }

    /// - Parameter owner: what `frame` points at, held until the section has run.
    private mutating func runPushing(_ frame: Frame, holding owner: AnyObject?, _ start: Int, _ end: Int) {
        stack.append(frame)
        withExtendedLifetime(owner) { run(start, end) }
        stack.removeLast()
    }

    /// A section over a shared view, or over one item of a list of them (`frame`): copied from an earlier
    /// page when one kept it, else rendered and, if its body looked only inside the view, kept for the
    /// pages after.
    private mutating func runShared(_ view: any SharedMustacheView, _ frame: Frame, holding owner: AnyObject, at instruction: Int, _ start: Int, _ end: Int) {
        if let kept = program.keptSection(at: instruction, over: view) {
            output.append(contentsOf: kept)
            return
        }
        let outerReach = reach, depth = stack.count, from = output.count
        reach = Int.max
        runPushing(frame, holding: owner, start, end)
        if reach >= depth { program.keep(output[from...], at: instruction, over: view) }
        reach = min(reach, outerReach)
    }

    /// Mustache's context rule: the first name is looked for from the innermost section outwards,
    /// the rest inside what it found.
    private mutating func lookup(_ pathIndex: Int32) -> TemplateValue? {
        let path = program.paths[Int(pathIndex)]
        var value: TemplateValue?
        if path.start < path.end {
            // Read in place at each use: a copy of the name retained and released its text at every lookup.
            let first = program.names.baseAddress! + Int(path.start)
            var depth = stack.count - 1
            frames: while depth >= 0 {
                switch stack[depth] {
                case .view(let reference):
                    if let found = reference.view.field(named: first.pointee) { value = found; break frames }
                case .item(let reference, let item, _):
                    if let found = reference.views.field(at: item, named: first.pointee) { value = found; break frames }
                case .text:
                    break
                }
                depth -= 1
            }
            // Not found at all, the answer depended on every frame.
            reach = min(reach, max(depth, 0))
            for name in Int(path.start) + 1 ..< Int(path.end) {
                switch consume value {
                case .view(let view)?: value = view.field(named: program.names[name]) ?? nil
                case .shared(let view)?: value = view.field(named: program.names[name]) ?? nil
                default: return nil
                }
            }
        } else {
            reach = min(reach, stack.count - 1)
            switch stack.last {
            case .view(let reference)?: value = .view(reference.view)
            case .item(let reference, let item, _)?: value = .view(reference.views.view(at: item))
            case .text(let text, _)?: value = .text(text)
            case nil: value = nil
            }
        }
        switch path.function {
        case nil:
            return value
        case .empty:
            switch value {
            case .views(let views)?: return .flag(views.count == 0)
            case .texts(let texts)?: return .flag(texts.isEmpty)
            case .text(let text)?: return .flag(text.isEmpty)
            case .utf8(let bytes)?: return .flag(bytes.isEmpty)
            default: return nil
            }
        case .first, .last:
            for depth in stack.indices.reversed() {
                switch stack[depth] {
                case .item(_, _, let position), .text(_, let position?):
                    // The position is not the item's own: a section that shows it cannot be kept.
                    reach = min(reach, depth - 1)
                    return .flag(path.function == .first ? position.first : position.last)
                default:
                    continue
                }
            }
            reach = 0
            return nil
        }
    }

    /// Missing, false and empty lists are false; any text, even empty, is true (as in swift-mustache).
    private func isTruthy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .flag(false)?: false
        case .views(let views)?: views.count > 0
        case .texts(let texts)?: !texts.isEmpty
        default: true
        }
    }

    /// Appends `text` escaped for HTML (`& < > " '`), copying runs without those bytes whole. Eight
    /// bytes are tested at once, as most text has nothing to escape.
    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0, index = 0
        while index < bytes.count {
            while index + 8 <= bytes.count,
                  !Self.hasSpecialByte(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            for position in index..<min(index + 8, bytes.count) {
                let entity: StaticString
                switch bytes[position] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                runStart = position + 1
            }
            index += 8
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// Whether any of the eight bytes of `word` is one `appendEscaped` replaces: a byte equal to `b`
    /// is a zero byte of `word ^ (b * ones)`, found with the usual `(x - ones) & ~x & highs` test.
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        return zeroByte(word ^ (ones &* 0x26)) | zeroByte(word ^ (ones &* 0x3C)) | zeroByte(word ^ (ones &* 0x3E))
            | zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x27)) != 0
    }
}
