import Yams

/// A YAML value as learnsite reads it, with its line in the YAML text (1-based).
///
/// Readers work on this rather than on Yams' `Node`: looking a key up in a Yams mapping compares
/// resolved tags, which runs regular expressions, and that was a tenth of a large build.
struct YAMLNode: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        /// `plain` is false for quoted and block scalars, whose `null` or `~` is text.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping(YAMLMapping)
        /// An alias (`*name`): learnsite has no use for one, so readers treat it as the wrong shape.
        case alias
    }

    let value: Value
    let line: Int?

    var string: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    init(_ value: Value, line: Int?) {
        self.value = value
        self.line = line
    }

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar): value = .scalar(scalar.string, plain: scalar.style == .plain)
        case .sequence(let sequence): value = .sequence(sequence.map(YAMLNode.init))
        case .mapping(let mapping): value = .mapping(YAMLMapping(mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) }))
        case .alias: value = .alias
        }
        line = node.mark?.line
    }
}

/// A group of `key: value` fields, in the order written.
struct YAMLMapping: Sendable, Equatable, Sequence {
    struct Pair: Sendable, Equatable {
        let key: YAMLNode
        let value: YAMLNode
    }

    let pairs: [Pair]

    init(_ pairs: [(key: YAMLNode, value: YAMLNode)]) {
        self.pairs = pairs.map { Pair(key: $0.key, value: $0.value) }
    }

    init(pairs: [Pair]) {
        self.pairs = pairs
    }

    /// The value of `key`; the last one written, as in Yams.
    subscript(key: String) -> YAMLNode? {
        pairs.last { $0.key.string == key }?.value
    }

    func makeIterator() -> IndexingIterator<[Pair]> { pairs.makeIterator() }
}
