import Synchronization

/// A template compiled for rendering: its partials and parents inlined, its blocks resolved, and the
/// tree flattened into instructions that hold no references.
///
/// Walking the parsed tree retained and released every node, path and text it passed, on objects all
/// rendering threads share (a third of a large build's page rendering). Here an instruction is a few
/// integers and text is a range of one byte buffer. The buffers are written once, here, and only read
/// after, by any number of threads (hence `@unchecked`); read from a buffer, nothing is retained.
final class TemplateProgram: @unchecked Sendable {
    enum Instruction {
        /// Bytes `start..<end` of `text`.
        case text(start: Int32, end: Int32)
        case variable(path: Int32, escaped: Bool)
        /// The section's own instructions follow it, up to `end`.
        case section(path: Int32, inverted: Bool, end: Int32)
    }

    /// A lookup, as `TemplatePath` but flat: names `start..<end` of `names`.
    struct Path {
        let start: Int32
        let end: Int32
        let function: TemplatePath.Function?
    }

    let instructions: UnsafeBufferPointer<Instruction>
    let text: UnsafeBufferPointer<UInt8>
    let paths: UnsafeBufferPointer<Path>
    let names: UnsafeBufferPointer<TemplateName>

    /// Sections over shared views, rendered once (see `SharedMustacheView`). Each holds its view, so
    /// the view's identity cannot pass to another object while the output is kept.
    private let kept = Mutex<[KeptKey: (view: any SharedMustacheView, output: [UInt8])]>([:])
    /// Enough for every shared view a site makes (a reference library of a few thousand entries); a
    /// theme that made one per page would only fill it.
    private static let keptLimit = 4096

    private struct KeptKey: Hashable {
        let instruction: Int
        let view: ObjectIdentifier
    }

    fileprivate init(_ compiler: TemplateCompiler) {
        instructions = Self.copy(compiler.instructions)
        text = Self.copy(compiler.text)
        paths = Self.copy(compiler.paths)
        names = Self.copy(compiler.names)
    }

    deinit {
        Self.free(instructions)
        Self.free(text)
        Self.free(paths)
        Self.free(names)
    }

    func keptSection(at instruction: Int, over view: any SharedMustacheView) -> [UInt8]? {
        kept.withLock { $0[KeptKey(instruction: instruction, view: ObjectIdentifier(view))]?.output }
    }

    func keep(_ output: ArraySlice<UInt8>, at instruction: Int, over view: any SharedMustacheView) {
        kept.withLock { kept in
            guard kept.count < Self.keptLimit else { return }
            kept[KeptKey(instruction: instruction, view: ObjectIdentifier(view))] = (view, Array(output))
        }
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(buffer)
    }

    private static func free<Element>(_ buffer: UnsafeBufferPointer<Element>) {
        let buffer = UnsafeMutableBufferPointer(mutating: buffer)
        buffer.deinitialize()
        buffer.deallocate()
    }
}

/// A template that includes itself: through partials or parents it would never end.
struct TemplateCycleError: Error {
    /// The templates in the loop, from the one that comes back to itself.
    let chain: [String]
    /// The line of `chain[0]` whose tag includes `chain[1]`; nil when that tag came from a block a
    /// child template overrides, so is written in another file.
    let line: Int?
}

/// Turns parsed templates into `TemplateProgram`s.
struct TemplateCompiler {
    let templates: [String: [TemplateNode]]
    fileprivate var instructions: [TemplateProgram.Instruction] = []
    fileprivate var text: [UInt8] = []
    fileprivate var paths: [TemplateProgram.Path] = []
    fileprivate var names: [TemplateName] = []
    /// Templates being included, outermost first, with the line of the tag that included each (nil
    /// for the one compiled, and for tags in another template's block overrides).
    private var including: [(name: String, line: Int?)] = []
    /// Whether the last instruction is text that more text may extend (not past a section's end).
    private var extendsText = false

    static func compile(_ name: String, in templates: [String: [TemplateNode]]) throws(TemplateCycleError) -> TemplateProgram {
        var compiler = TemplateCompiler(templates: templates)
        try compiler.include(name, line: nil, overrides: [:])
        return TemplateProgram(compiler)
    }

    private init(templates: [String: [TemplateNode]]) {
        self.templates = templates
    }

    /// A template missing here is reported when the theme loads (see `Theme`); it renders as nothing.
    private mutating func include(_ name: String, line: Int?, overrides: [String: [TemplateNode]]) throws(TemplateCycleError) {
        guard let nodes = templates[name] else { return }
        if let start = including.firstIndex(where: { $0.name == name }) {
            let loop = including[start...]
            // The tag in the loop's first template: the one that included the second, or this one.
            let first = loop.count > 1 ? loop[start + 1].line : line
            throw TemplateCycleError(chain: loop.map(\.name) + [name], line: first)
        }
        including.append((name, line))
        try emit(nodes, overrides: overrides, ownText: true)
        including.removeLast()
    }

    /// - Parameter ownText: whether `nodes` are written in the template being included (not a block
    ///   override from another), so their tags' lines are lines of its file.
    private mutating func emit(_ nodes: [TemplateNode], overrides: [String: [TemplateNode]], ownText: Bool) throws(TemplateCycleError) {
        for node in nodes {
            switch node {
            case .text(let string):
                let start = Int32(text.count)
                text.append(contentsOf: string.utf8)
                // Text after text (a partial's first line, say) extends the same instruction.
                if extendsText, case .text(let previous, _)? = instructions.last {
                    instructions[instructions.count - 1] = .text(start: previous, end: Int32(text.count))
                } else {
                    instructions.append(.text(start: start, end: Int32(text.count)))
                }
                extendsText = true
            case .variable(let path, let escaped):
                instructions.append(.variable(path: add(path), escaped: escaped))
                extendsText = false
            case .section(let path, let children, let inverted):
                let path = add(path)
                let at = instructions.count
                instructions.append(.section(path: path, inverted: inverted, end: 0))
                extendsText = false
                try emit(children, overrides: overrides, ownText: ownText)
                instructions[at] = .section(path: path, inverted: inverted, end: Int32(instructions.count))
                extendsText = false
            case .partial(let name, let line):
                try include(name, line: ownText ? line : nil, overrides: overrides)
            case .parent(let name, let blocks, let line):
                // The template that extends is more specific than its parent: its blocks win.
                try include(name, line: ownText ? line : nil, overrides: overrides.merging(blocks) { outer, _ in outer })
            case .block(let name, let defaultContent):
                if let override = overrides[name] {
                    try emit(override, overrides: overrides, ownText: false)
                } else {
                    try emit(defaultContent, overrides: overrides, ownText: ownText)
                }
            }
        }
    }

    private mutating func add(_ path: TemplatePath) -> Int32 {
        let start = Int32(names.count)
        names += path.names.map(TemplateName.init)
        paths.append(TemplateProgram.Path(start: start, end: Int32(names.count), function: path.function))
        return Int32(paths.count - 1)
    }
}
