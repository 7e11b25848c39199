import Foundation

/// What a document is, decided by the folder it lives in.
public enum DocumentKind: String, Sendable, CaseIterable, Comparable {
    case bulletin, strategy, references, lesson, briefing, handout, page, course

    /// Folder under the content root, e.g. `bulletins`.
    public var folder: String {
        switch self {
        case .bulletin: "bulletins"
        case .strategy: "strategies"
        case .references: "references"
        case .lesson: "lessons"
        case .briefing: "briefings"
        case .handout: "handouts"
        case .page: "pages"
        case .course: "training/courses"
        }
    }

    /// Heading for the kind's index page and navigation.
    public var pluralTitle: String {
        switch self {
        case .bulletin: "Learning bulletins"
        case .strategy: "Strategies"
        case .references: "Key references"
        case .lesson: "Lessons from case reviews"
        case .briefing: "Briefings"
        case .handout: "Trainer packs"
        case .page: "Pages"
        case .course: "Training courses"
        }
    }

    /// Label for one document of the kind, e.g. "Learning bulletin".
    public var singularTitle: String {
        switch self {
        case .bulletin: "Learning bulletin"
        case .strategy: "Strategy"
        case .references: "Key references"
        case .lesson: "Lesson from case reviews"
        case .briefing: "Briefing"
        case .handout: "Trainer pack"
        case .page: "Page"
        case .course: "Training course"
        }
    }

    public static func < (a: DocumentKind, b: DocumentKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The kind named on the command line: `bulletin` or its folder `bulletins`.
    public init?(argument: String) {
        let name = argument.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
        guard let kind = Self.allCases.first(where: { $0.rawValue == name || $0.folder == name || $0.folder.hasSuffix("/" + name) }) else {
            return nil
        }
        self = kind
    }

    /// The kind whose folder holds a file at `relativePath` (e.g. `bulletins/x.md`), if any.
    public static func forFile(at relativePath: String) -> DocumentKind? {
        // The folder is found once and compared with each kind's, not a path made and searched for each kind.
        guard let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        let folder = relativePath[..<slash]
        return allCases.first { $0.folder == folder }
    }
}
