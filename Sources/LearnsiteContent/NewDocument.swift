import Foundation

/// Starts a new document: `Content/<folder>/<slug>.md` with the kind's front matter filled in.
public enum NewDocument {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Creates the file and returns its path; never overwrites an existing one.
    public static func create(kind: DocumentKind, title: String, content root: String, today: Day) throws(Failure) -> String {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        let slug = slug(for: trimmed)
        guard !trimmed.isEmpty, !slug.isEmpty else {
            throw Failure(message: "give the document a title with at least one letter or digit, e.g. learnsite new bulletin \"Neglect: learning from reviews\"")
        }
        let folder = URL(fileURLWithPath: root).appendingPathComponent(kind.folder)
        let file = folder.appendingPathComponent("\(slug).md")
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw Failure(message: "\(root)/\(kind.folder)/\(slug).md already exists; open it, or choose another title")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // `.withoutOverwriting` closes the gap between the check above and the write.
            try Data(text(kind: kind, title: trimmed, today: today).utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw Failure(message: "\(root)/\(kind.folder)/\(slug).md could not be written: \(error.localizedDescription)")
        }
        return "\(root)/\(kind.folder)/\(slug).md"
    }

    /// "Neglect: Learning from Reviews" -> "neglect-learning-from-reviews".
    public static func slug(for title: String) -> String {
        var slug = ""
        for scalar in title.lowercased().folding(options: .diacriticInsensitive, locale: nil).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// The file's text: front matter with every field of the kind, ready to fill in, and a body outline.
    static func text(kind: DocumentKind, title: String, today: Day) -> String {
        var lines = ["---", "title: \(quoted(title))", "date: \(today)", "summary: \"\""]
        switch kind {
        case .page:
            break
        case .handout:
            lines += ["course: \"\"", "include: []"]
        case .course:
            lines += ["themes: []", "level: 1", "duration: half day", "audience: \"\"", "outcomes: []", "refresh_years: 3"]
        case .bulletin, .strategy, .references, .lesson, .briefing:
            lines += ["themes: []", "review_by: \(Day(year: today.year + 2, month: today.month, day: min(today.day, 28))!)",
                      "discussion: []", "figures: []", "references: []"]
        }
        lines += ["---", "", "## Summary", "", "Write the document here in Markdown.", ""]
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar (JSON escaping is valid YAML), so titles with colons or quotes are safe.
    private static func quoted(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
        return String(array.dropFirst().dropLast())
    }
}
