import Foundation
import Synchronization

/// One Markdown document of the content folder, validated: every required value is present.
/// A class, though immutable, because it is shared everywhere (lists, indexes, themes, feeds): as a
/// struct of twenty fields, each copy retained every field, a fifth of a rebuild's time.
public final class Document: Sendable {
    public let kind: DocumentKind
    /// File name without `.md`; the last part of the page's URL.
    public let slug: String
    /// Where it came from, for messages: the path as the user would type it.
    public let sourcePath: String

    public let title: String
    public let date: Day
    public let summary: String?
    public let themes: [String]
    public let revised: Day?
    public let reviewBy: Day?
    public let author: String?
    public let audience: String?
    public let draft: Bool
    /// Whether a printable handout is made (default true).
    public let handout: Bool
    public let discussion: [String]
    public let figures: [Figure]
    public let references: [SourceValue<String>]
    /// Trainer packs: the documents they are built from, as `folder/slug` ids.
    public let include: [SourceValue<String>]
    /// Trainer packs: the course the pack supports.
    public let course: String?
    public let courseDetails: CourseDetails?

    /// Markdown after the front matter.
    public var body: String { bodyText.text }
    private let bodyText: BodyText
    /// The file line where `body` starts, to turn a body line into a file line.
    public let bodyStartLine: Int
    /// Of the whole file as read, so an incremental build can tell whether it changed.
    public let sourceFingerprint: Fingerprint
    /// Of the front matter's text (and the file's place): pages that list the document show only what
    /// it holds, so while it is unchanged they are too.
    public let frontMatterFingerprint: Fingerprint

    /// `folder/slug`, how trainer packs name documents, e.g. `lessons/nspcc-cse-case-reviews`; kept, as
    /// builds look documents up by it tens of thousands of times.
    public let id: String

    /// The documents a trainer pack names, as ids (`lessons/x`): `/lessons/x.md` is read the same way.
    public var includedIDs: [SourceValue<String>] {
        include.map { entry in
            var id = entry.value.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            if id.hasSuffix(".md") { id.removeLast(3) }
            return SourceValue(id, line: entry.line)
        }
    }

    /// The newest of `date` and `revised`: when the text last changed.
    public var lastChanged: Day { max(date, revised ?? date) }

    public convenience init(kind: DocumentKind, slug: String, sourcePath: String, title: String, date: Day,
                            summary: String? = nil, themes: [String] = [], revised: Day? = nil, reviewBy: Day? = nil,
                            author: String? = nil, audience: String? = nil, draft: Bool = false, handout: Bool = true,
                            discussion: [String] = [], figures: [Figure] = [], references: [SourceValue<String>] = [],
                            include: [SourceValue<String>] = [], course: String? = nil, courseDetails: CourseDetails? = nil,
                            body: String = "", bodyStartLine: Int = 1, sourceFingerprint: Fingerprint = Fingerprint(),
                            frontMatterFingerprint: Fingerprint = Fingerprint()) {
        self.init(kind: kind, slug: slug, sourcePath: sourcePath, title: title, date: date, summary: summary, themes: themes,
                  revised: revised, reviewBy: reviewBy, author: author, audience: audience, draft: draft, handout: handout,
                  discussion: discussion, figures: figures, references: references, include: include, course: course,
                  courseDetails: courseDetails, bodyText: BodyText(body), bodyStartLine: bodyStartLine,
                  sourceFingerprint: sourceFingerprint, frontMatterFingerprint: frontMatterFingerprint)
    }

    init(kind: DocumentKind, slug: String, sourcePath: String, title: String, date: Day, summary: String?, themes: [String],
         revised: Day?, reviewBy: Day?, author: String?, audience: String?, draft: Bool, handout: Bool, discussion: [String],
         figures: [Figure], references: [SourceValue<String>], include: [SourceValue<String>], course: String?,
         courseDetails: CourseDetails?, bodyText: BodyText, bodyStartLine: Int, sourceFingerprint: Fingerprint,
         frontMatterFingerprint: Fingerprint) {
        self.kind = kind
        self.slug = slug
        id = "\(kind.folder)/\(slug)"
        self.sourcePath = sourcePath
        self.title = title
        self.date = date
        self.summary = summary
        self.themes = themes
        self.revised = revised
        self.reviewBy = reviewBy
        self.author = author
        self.audience = audience
        self.draft = draft
        self.handout = handout
        self.discussion = discussion
        self.figures = figures
        self.references = references
        self.include = include
        self.course = course
        self.courseDetails = courseDetails
        self.bodyText = bodyText
        self.bodyStartLine = bodyStartLine
        self.sourceFingerprint = sourceFingerprint
        self.frontMatterFingerprint = frontMatterFingerprint
    }
}

/// A document's Markdown body. A document read from its file has it at once; one taken from the build
/// cache reads its file again on first use. Most builds never need the bodies of unchanged documents,
/// and keeping all of them in the cache (53 MB for 10,000 pages) cost more than a rebuild may take.
final class BodyText: Sendable {
    private let file: String?
    private let loaded: Mutex<String?>

    init(_ text: String) {
        file = nil
        loaded = Mutex(text)
    }

    /// The body of `file`, read when first asked for.
    init(file: String) {
        self.file = file
        loaded = Mutex(nil)
    }

    var text: String {
        loaded.withLock { loaded in
            if let loaded { return loaded }
            let text = file.map(Self.read) ?? ""
            loaded = text
            return text
        }
    }

    /// The body as the loader split it. The cache held this file as unchanged when the build began; if
    /// it has been edited or removed since, this build shows its new body (or none) and the next build
    /// notices the change.
    private static func read(_ file: String) -> String {
        guard let data = SourceText.bytes(ofFile: file),
              case .success(let text) = SourceText.decode(data, file: file),
              case .success(let split) = SourceText.splitFrontMatter(text, file: file) else { return "" }
        return split.body
    }
}

/// A value read from a file, with the line it was written on, for later checks (unknown ids, missing includes).
public struct SourceValue<Value: Sendable & Equatable>: Sendable, Equatable {
    public let value: Value
    public let line: Int?

    public init(_ value: Value, line: Int?) {
        self.value = value
        self.line = line
    }
}

/// A headline statistic, shown as a card: "15", "average age of girls with CSE concerns".
public struct Figure: Sendable, Equatable {
    public let label: String
    public let value: String
    public let note: String?

    public init(label: String, value: String, note: String? = nil) {
        self.label = label
        self.value = value
        self.note = note
    }
}

/// Training catalogue fields of a course (`training/courses/*.md`).
public struct CourseDetails: Sendable, Equatable {
    public let level: Int?
    public let duration: String?
    public let outcomes: [String]
    public let refreshYears: Int?
    /// Roles that must attend the course (`required_for`), as written; attendance reports list who has not.
    public let requiredFor: [String]

    public init(level: Int?, duration: String?, outcomes: [String], refreshYears: Int?, requiredFor: [String] = []) {
        self.level = level
        self.duration = duration
        self.outcomes = outcomes
        self.refreshYears = refreshYears
        self.requiredFor = requiredFor
    }
}
