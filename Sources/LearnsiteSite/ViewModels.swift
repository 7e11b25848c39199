import LearnsiteContent
import LearnsiteRendering

// View models: every value a template shows is prepared here, as plain text (the template escapes it)
// or, for rendered Markdown only, as HTML. Templates stay logic-less.

/// What every page's layout needs.
///
/// A class, as `SiteView` is: templates look up `layout.site....` a few dozen times a page, and a
/// struct this size is copied into a box, retaining every field, at each lookup.
final class LayoutView {
    let site: SiteView
    /// Relative path back to the site root, e.g. `../../`.
    let root: String
    let pageTitle: String
    let metaDescription: String?
    let canonical: String?

    init(site: SiteView, root: String, pageTitle: String, metaDescription: String?, canonical: String?) {
        self.site = site
        self.root = root
        self.pageTitle = pageTitle
        self.metaDescription = metaDescription
        self.canonical = canonical
    }
}

/// Shared (see `SharedMustacheView`): every document page of a kind shows the same one, so its
/// header and footer are rendered once.
final class SiteView: Sendable {
    /// Relative path back to the site root, as `LayoutView.root`: the header's links need it.
    let root: String
    let name: String
    let shortName: String
    let description: String?
    let language: String
    let nav: [NavLink]
    /// Themes, glossary, library and accessibility statement, linked from every page's footer.
    let footerLinks: [NavLink]
    let contacts: [ContactView]
    /// The neutral site "Exit this page" leads to; nil when the button is turned off.
    let exitURL: String?
    /// Relative link to the Atom feed, when there is one (it needs `base_url`).
    let feed: String?

    init(root: String, name: String, shortName: String, description: String?, language: String, nav: [NavLink], footerLinks: [NavLink],
         contacts: [ContactView], exitURL: String?, feed: String?) {
        self.root = root
        self.name = name
        self.shortName = shortName
        self.description = description
        self.language = language
        self.nav = nav
        self.footerLinks = footerLinks
        self.contacts = contacts
        self.exitURL = exitURL
        self.feed = feed
    }
}

final class NavLink: Sendable {
    let title: String
    let href: String
    /// `aria-current="page"` for the section being read.
    let current: Bool

    init(title: String, href: String, current: Bool) {
        self.title = title
        self.href = href
        self.current = current
    }
}

/// A document as a list entry; a class, as list items are read field by field (see `LayoutView`).
final class DocumentLink {
    let title: String
    let href: String
    let summary: String?
    let kind: String
    let date: String
    let dateISO: String
    /// Past its `review_by` date.
    let overdue: Bool

    init(title: String, href: String, summary: String?, kind: String, date: String, dateISO: String, overdue: Bool) {
        self.title = title
        self.href = href
        self.summary = summary
        self.kind = kind
        self.date = date
        self.dateISO = dateISO
        self.overdue = overdue
    }
}

/// A document's own page; a class, as templates look up its fields some forty times a page (see `LayoutView`).
final class DocumentPageView {
    let layout: LayoutView
    let title: String
    let kind: String
    let kindIndexHref: String
    let summary: String?
    let date: DateView
    let revised: DateView?
    let reviewBy: DateView?
    let author: String?
    let audience: String?
    let overdue: Bool
    let themes: [NavLink]
    let figures: [FigureView]
    let discussion: [String]
    /// Rendered Markdown, in UTF-8.
    let body: [UInt8]
    /// Cited references first, numbered as cited, then those listed in front matter.
    let references: [Reference]
    /// Training courses only: the catalogue facts and upcoming sessions.
    let course: CourseView?

    init(layout: LayoutView, title: String, kind: String, kindIndexHref: String, summary: String?, date: DateView, revised: DateView?,
         reviewBy: DateView?, author: String?, audience: String?, overdue: Bool, themes: [NavLink], figures: [FigureView],
         discussion: [String], body: [UInt8], references: [Reference], course: CourseView?) {
        self.layout = layout
        self.title = title
        self.kind = kind
        self.kindIndexHref = kindIndexHref
        self.summary = summary
        self.date = date
        self.revised = revised
        self.reviewBy = reviewBy
        self.author = author
        self.audience = audience
        self.overdue = overdue
        self.themes = themes
        self.figures = figures
        self.discussion = discussion
        self.body = body
        self.references = references
        self.course = course
    }
}

struct CourseView {
    let level: Int?
    let duration: String?
    let refreshYears: Int?
    let outcomes: [String]
    let sessions: [SessionView]
    let trainingHref: String
}

/// A session of the public calendar.
struct SessionView {
    let courseTitle: String
    let courseHref: String?
    let date: DateView
    /// "09:30 to 13:00".
    let time: String?
    let venue: String?
    let places: Int?
    let bookingURL: String?
}

struct TrainingPageView {
    let layout: LayoutView
    let sessions: [SessionView]
    let coursesHref: String?
}

/// A kind's index page: every document of the kind, newest first.
struct ListPageView {
    let layout: LayoutView
    let title: String
    /// "3 documents, newest first".
    let countText: String
    let documents: [DocumentLink]
}

struct SectionView {
    let title: String
    let href: String
    let documents: [DocumentLink]
    /// "All 12 documents", shown when the home page lists only the newest few.
    let allText: String?

    init(title: String, href: String, documents: [DocumentLink], total: Int) {
        self.title = title
        self.href = href
        self.documents = documents
        allText = total > documents.count ? "All \(total) documents" : nil
    }
}

struct HomePageView {
    let layout: LayoutView
    let title: String
    /// The "Upcoming training" page, when there is a training calendar.
    let trainingHref: String?
    let upcomingSessions: Int
    /// Rendered `index.md`, if any.
    let intro: String?
    let sections: [SectionView]
}

struct ThemeIndexView {
    let layout: LayoutView
    let themes: [ThemeSummary]
}

struct ThemeSummary {
    let title: String
    let href: String
    let count: String
}

struct GlossaryPageView {
    let layout: LayoutView
    let letters: [GlossaryLetter]
}

struct GlossaryLetter {
    let letter: String
    let terms: [GlossaryEntry]
}

struct GlossaryEntry {
    let term: String
    let expansion: String
    let definition: String?
    /// `term-mash`, so other pages can link to a definition.
    let id: String
    /// The newest pages whose body uses the term.
    let usedOn: [DocumentLink]
    /// "and 240 more documents", when there are more than the page lists.
    let moreText: String?
}

struct LibraryPageView {
    let layout: LayoutView
    let references: [Reference]
}

struct AccessibilityPageView {
    let layout: LayoutView
    let boardName: String
    let contactEmail: String?
    let lastReviewed: String?
}

/// A page whose template needs only the layout (search, 404).
struct SimplePageView {
    let layout: LayoutView
}
