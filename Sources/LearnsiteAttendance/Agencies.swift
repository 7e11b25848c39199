import Foundation
import LearnsiteContent
import Yams

/// Canonical agency names and their aliases, from `agencies.yml`:
/// ```
/// - name: Thames Valley Police
///   aliases: [TVP, Police, Thames Valley Police (TVP)]
/// ```
public struct AgencyDirectory: Sendable {
    /// Canonical names in the file's order.
    public let names: [String]
    private let byKey: [String: String]

    public init(_ entries: [(name: String, aliases: [String])] = []) {
        var byKey: [String: String] = [:]
        for entry in entries {
            for spelling in [entry.name] + entry.aliases where byKey[AgencyDirectory.key(spelling)] == nil {
                byKey[AgencyDirectory.key(spelling)] = entry.name
            }
        }
        names = entries.map(\.name)
        self.byKey = byKey
    }

    /// The canonical name for a register's spelling, ignoring case, spaces and the kind of apostrophe.
    public func canonical(_ spelling: String) -> String? {
        byKey[AgencyDirectory.key(spelling)]
    }

    /// The comparison key: `Children’s  Social care` and `children's social care` agree.
    static func key(_ text: String) -> String {
        // ASCII, the usual case, byte by byte: going by `Character` cost 10 µs a spelling, a fifth of a
        // small report's time.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.compactMap { byte -> UInt8? in
                if byte == 32 || (9...13).contains(byte) { return nil }
                return (65...90).contains(byte) ? byte + 32 : byte
            }, as: UTF8.self)
        }
        return String(text.lowercased().compactMap { character -> Character? in
            if character.isWhitespace { return nil }
            return character == "’" || character == "‘" ? "'" : character
        })
    }

    /// Reads `agencies.yml`; problems (including a name given to two agencies) come back as diagnostics.
    public static func load(file: String) -> (AgencyDirectory, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: file) else {
            return (AgencyDirectory(), [Diagnostic(.warning, file: file, "agencies.yml was not found, so every agency is reported exactly as the registers spell it; create it to group spellings such as TVP and Thames Valley Police")])
        }
        return parse(yaml: String(decoding: data, as: UTF8.self), file: file)
    }

    static func parse(yaml: String, file: String) -> (AgencyDirectory, [Diagnostic]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            return (AgencyDirectory(), [Diagnostic(.error, file: file, "agencies.yml is not valid YAML (\(error)); check its indentation and colons")])
        }
        guard let root else { return (AgencyDirectory(), []) }
        guard case .sequence(let items) = root else {
            return (AgencyDirectory(), [Diagnostic(.error, file: file, line: line(root), "agencies.yml should be a list of agencies, each starting `- name: ...`")])
        }
        var entries: [(name: String, aliases: [String])] = []
        var diagnostics: [Diagnostic] = []
        var owner: [String: String] = [:]
        for item in items {
            guard case .mapping(let fields) = item, let name = fields["name"]?.string?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                diagnostics.append(Diagnostic(.error, file: file, line: line(item), "each agency needs a `name:`, with its other spellings under `aliases:`"))
                continue
            }
            var aliases: [String] = []
            switch fields["aliases"] {
            case .sequence(let list)?: aliases = list.compactMap { $0.string }
            case .scalar(let scalar)?: aliases = [scalar.string]
            default: break
            }
            for spelling in [name] + aliases {
                let key = AgencyDirectory.key(spelling)
                if let other = owner[key], other != name {
                    diagnostics.append(Diagnostic(.error, file: file, line: line(item), "“\(spelling)” is given for both \(other) and \(name); keep it under one agency"))
                }
                owner[key] = owner[key] ?? name
            }
            entries.append((name, aliases))
        }
        return (AgencyDirectory(entries), diagnostics)
    }

    private static func line(_ node: Node) -> Int? { node.mark.map(\.line) }
}
