import Foundation
import Yams

/// Parses YAML and reads typed fields from it, recording a diagnostic (with the file line) for each
/// missing or mistyped value instead of stopping at the first.
final class YAMLReader {
    let file: String
    /// Added to a line inside the YAML text to get the line in the file (1 when front matter follows `---`).
    let lineOffset: Int
    var log = DiagnosticLog()

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses YAML text; a syntax error becomes a diagnostic at its line. Front matter of the usual
    /// shape is read without Yams (see `FrontMatterScanner`), which makes loading a large archive fast.
    func parse(_ yaml: String) -> YAMLNode? {
        if let node = FrontMatterScanner.parse(yaml) { return node }
        do {
            return try Yams.compose(yaml: yaml).map(YAMLNode.init)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                log.error(file, line: mark.line + lineOffset,
                          "the YAML is not valid here (\(problem)); check indentation, colons and quotes")
            case let .duplicatedKeysInMapping(duplicates, context):
                log.error(file, line: context.mark.line + lineOffset,
                          "the field \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) is given twice; keep one")
            default:
                log.error(file, "the YAML could not be read: \(error)")
            }
        } catch {
            log.error(file, "the YAML could not be read: \(error)")
        }
        return nil
    }

    /// YAML's plain nulls, told by length first: comparing every value with each was a tenth of reading fields.
    private static func isNull(_ text: String) -> Bool {
        switch text.utf8.count {
        case 0: true
        case 1: text == "~"
        case 4: text == "null" || text == "Null" || text == "NULL"
        default: false
        }
    }

    func line(of node: YAMLNode?) -> Int? {
        node?.line.map { $0 + lineOffset }
    }

    func error(_ node: YAMLNode?, _ message: String) {
        log.error(file, line: line(of: node), message)
    }

    func warning(_ node: YAMLNode?, _ message: String) {
        log.warning(file, line: line(of: node), message)
    }

    /// A mapping's value; YAML `null` and `~` count as absent.
    func value(_ key: String, in mapping: YAMLMapping) -> YAMLNode? {
        guard let node = mapping[key] else { return nil }
        if case .scalar(let text, plain: true) = node.value, Self.isNull(text) { return nil }
        return node
    }

    func string(_ key: String, in mapping: YAMLMapping, required: Bool = false, context: YAMLNode? = nil) -> String? {
        guard let node = value(key, in: mapping) else {
            if required {
                error(mapping[key] ?? context, "`\(key)` is missing or empty; add a line `\(key): ...`")
            }
            return nil
        }
        guard case .scalar(let scalar, _) = node.value else {
            error(node, "`\(key)` should be a single line of text, not a list or a group of fields")
            return nil
        }
        let text = Self.trimmed(scalar, .whitespacesAndNewlines)
        if text.isEmpty && required {
            error(node, "`\(key)` is empty; write it after `\(key):`")
            return nil
        }
        return text.isEmpty ? nil : text
    }

    func day(_ key: String, in mapping: YAMLMapping, required: Bool = false, context: YAMLNode? = nil) -> Day? {
        guard let text = string(key, in: mapping, required: required, context: context) else { return nil }
        guard let day = Day(iso: text) else {
            error(mapping[key], "`\(key): \(text)` is not a date; write it as year-month-day, e.g. `\(key): 2015-06-01`")
            return nil
        }
        return day
    }

    func bool(_ key: String, in mapping: YAMLMapping) -> Bool? {
        guard let text = string(key, in: mapping) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(mapping[key], "`\(key): \(text)` should be `true` or `false`")
            return nil
        }
    }

    func int(_ key: String, in mapping: YAMLMapping, range: ClosedRange<Int>) -> Int? {
        guard let text = string(key, in: mapping) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            error(mapping[key], "`\(key): \(text)` should be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    /// A list of short texts; a single value is accepted as a list of one.
    func strings(_ key: String, in mapping: YAMLMapping) -> [SourceValue<String>] {
        guard let node = value(key, in: mapping) else { return [] }
        switch node.value {
        case .scalar(let scalar, _):
            return [SourceValue(Self.trimmed(scalar, .whitespaces), line: line(of: node))]
        case .sequence(let sequence):
            // Reserved: grown item by item, the lists of a large archive were reallocated 78,000 times.
            var values: [SourceValue<String>] = []
            values.reserveCapacity(sequence.count)
            for item in sequence {
                guard case .scalar(let scalar, _) = item.value else {
                    error(item, "each item of `\(key)` should be a single line of text")
                    continue
                }
                let text = Self.trimmed(scalar, .whitespacesAndNewlines)
                if !text.isEmpty { values.append(SourceValue(text, line: line(of: item))) }
            }
            return values
        case .mapping, .alias:
            error(node, "`\(key)` should be a list, one `- item` per line")
            return []
        }
    }

    /// The list of mappings under `key`, e.g. `figures`.
    func mappings(_ key: String, in mapping: YAMLMapping) -> [(YAMLNode, YAMLMapping)] {
        guard let node = value(key, in: mapping) else { return [] }
        return mappings(of: node, named: "`\(key)`")
    }

    /// The list of mappings a node holds, e.g. a whole glossary.yml.
    func mappings(of node: YAMLNode, named name: String) -> [(YAMLNode, YAMLMapping)] {
        guard case .sequence(let sequence) = node.value else {
            error(node, "\(name) should be a list whose items start with `- `")
            return []
        }
        return sequence.compactMap { item in
            guard case .mapping(let itemMapping) = item.value else {
                error(item, "each item of \(name) should be a group of fields, like `- label: ...`")
                return nil
            }
            return (item, itemMapping)
        }
    }

    /// A group of fields under `key` (`exit_this_page:` with `enabled:` and `url:` indented below it).
    /// - Parameter known: the fields it may hold, to warn about typos; nil when its keys are free-form.
    func group(_ key: String, in mapping: YAMLMapping, known: Set<String>?) -> YAMLMapping? {
        guard let node = value(key, in: mapping) else { return nil }
        guard case .mapping(let group) = node.value else {
            error(node, "`\(key)` should be a group of fields, each indented on its own line below it")
            return nil
        }
        if let known { warnUnknownKeys(in: group, known: known) }
        return group
    }

    /// Warns about fields nobody reads: usually a typo (`reviewby:`) that would otherwise vanish silently.
    func warnUnknownKeys(in mapping: YAMLMapping, known: Set<String>) {
        for pair in mapping {
            guard let key = pair.key.string, !known.contains(key) else { continue }
            warning(pair.key, "`\(key)` is not a field learnsite knows, so it is ignored; known fields: \(known.sorted().joined(separator: ", "))")
        }
    }

    /// Values almost never start or end with white space, so only those that might pay for Foundation's
    /// trimming (a tenth of loading a large archive when every value did).
    // The set is made only when needed: making one cost more than trimming (Foundation copies it).
    private static func trimmed(_ text: String, _ whiteSpace: @autoclosure () -> CharacterSet) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
              (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) else { return text.trimmingCharacters(in: whiteSpace()) }
        return text
    }
}
