import LearnsiteContent
import LearnsiteRendering

// View models of the handout templates (Templates/handouts/). Plain text, except `body` and `intro`
// which are rendered Markdown, in UTF-8.

/// A class, so the templates' `layout.` lookups share it instead of copying it (see the site's `LayoutView`).
final class HandoutLayoutView: Sendable {
    let boardName: String
    /// Relative path back to `Output/handouts/`.
    let root: String
    let pageTitle: String
    /// Relative path of the board's logo under `assets/`, when site.yml names one that exists.
    let logo: String?

    init(boardName: String, root: String, pageTitle: String, logo: String?) {
        self.boardName = boardName
        self.root = root
        self.pageTitle = pageTitle
        self.logo = logo
    }
}

/// One document as printed: used alone, or as a chapter of a trainer pack. A class, as the page views
/// are (see `HandoutLayoutView`).
final class HandoutDocumentView {
    let title: String
    let kind: String
    /// Anchor for a pack's table of contents.
    let anchor: String
    let summary: String?
    let date: DateView
    let revised: DateView?
    let reviewBy: DateView?
    let overdue: Bool
    /// Where to read it online, from `base_url`.
    let onlineURL: String?
    let figures: [FigureView]
    let discussion: [String]
    let body: [UInt8]
    let references: [Reference]

    init(title: String, kind: String, anchor: String, summary: String?, date: DateView, revised: DateView?, reviewBy: DateView?,
         overdue: Bool, onlineURL: String?, figures: [FigureView], discussion: [String], body: [UInt8], references: [Reference]) {
        self.title = title
        self.kind = kind
        self.anchor = anchor
        self.summary = summary
        self.date = date
        self.revised = revised
        self.reviewBy = reviewBy
        self.overdue = overdue
        self.onlineURL = onlineURL
        self.figures = figures
        self.discussion = discussion
        self.body = body
        self.references = references
    }
}

/// What every handout ends with, made once and shared (see `SharedMustacheView`), so the contact
/// box is rendered once for all handouts.
final class HandoutBoardView: Sendable {
    let contacts: [ContactView]

    init(contacts: [ContactView]) {
        self.contacts = contacts
    }
}

final class HandoutPageView {
    let layout: HandoutLayoutView
    let document: HandoutDocumentView
    let board: HandoutBoardView

    init(layout: HandoutLayoutView, document: HandoutDocumentView, board: HandoutBoardView) {
        self.layout = layout
        self.document = document
        self.board = board
    }
}

struct PackPageView {
    let layout: HandoutLayoutView
    let title: String
    let course: String?
    let date: DateView
    let summary: String?
    let intro: [UInt8]?
    let documents: [HandoutDocumentView]
    let board: HandoutBoardView
}

/// Sendable: the index is rendered on whichever core takes it (see `HandoutRenderer.render`).
struct HandoutIndexView: Sendable {
    let layout: HandoutLayoutView
    let groups: [HandoutGroup]
}

struct HandoutGroup: Sendable {
    let title: String
    let handouts: [HandoutLink]
}

final class HandoutLink: Sendable {
    let title: String
    let html: String
    /// Present when PDFs were made (`--pdf`).
    let pdf: String?

    init(title: String, html: String, pdf: String?) {
        self.title = title
        self.html = html
        self.pdf = pdf
    }
}
