import LearnsiteContent
import LearnsiteRendering
import LearnsiteTheme
import Testing
@testable import LearnsiteSite

/// Every field of a view must be reachable from templates: a key missing from `keys` renders as empty.
func expectKeysCoverFields<View: MustacheView>(_ view: View, sourceLocation: SourceLocation = #_sourceLocation) {
    let fields = Set(Mirror(reflecting: view).children.compactMap(\.label))
    #expect(Set(View.keys.allNames) == fields, "\(View.self)", sourceLocation: sourceLocation)
}

@Suite struct ViewKeysTests {
    @Test func everyViewModelListsAllItsFields() {
        let day = DateView(Day(year: 2024, month: 5, day: 14)!)
        let nav = NavLink(title: "t", href: "h", current: false)
        let site = SiteView(root: "", name: "n", shortName: "s", description: nil, language: "en-GB", nav: [nav], footerLinks: [],
                            contacts: [], exitURL: nil, feed: nil)
        let layout = LayoutView(site: site, root: "", pageTitle: "p", metaDescription: nil, canonical: nil)
        let link = DocumentLink(title: "t", href: "h", summary: nil, kind: "k", date: "d", dateISO: "i", overdue: false)
        expectKeysCoverFields(nav)
        expectKeysCoverFields(site)
        expectKeysCoverFields(layout)
        expectKeysCoverFields(link)
        expectKeysCoverFields(DocumentPageView(layout: layout, title: "t", kind: "k", kindIndexHref: "h", summary: nil, date: day,
                                               revised: nil, reviewBy: nil, author: nil, audience: nil, overdue: false, themes: [],
                                               figures: [], discussion: [], body: [], references: [], course: nil))
        expectKeysCoverFields(ListPageView(layout: layout, title: "t", countText: "c", documents: [link]))
        expectKeysCoverFields(SectionView(title: "t", href: "h", documents: [link], total: 1))
        expectKeysCoverFields(HomePageView(layout: layout, title: "t", trainingHref: nil, upcomingSessions: 0, intro: nil, sections: []))
        let entry = GlossaryEntry(term: "MASH", expansion: "e", definition: nil, id: "i", usedOn: [link], moreText: nil)
        expectKeysCoverFields(entry)
        expectKeysCoverFields(GlossaryLetter(letter: "M", terms: [entry]))
        expectKeysCoverFields(GlossaryPageView(layout: layout, letters: []))
        expectKeysCoverFields(ThemeIndexView(layout: layout, themes: []))
        expectKeysCoverFields(ThemeSummary(title: "t", href: "h", count: "c"))
        expectKeysCoverFields(day)
        expectKeysCoverFields(ContactView(Contact(name: "MASH", phone: "01908 253169")))
        expectKeysCoverFields(FigureView(Figure(label: "l", value: "v")))
        expectKeysCoverFields(Reference(id: "i", title: "t"))
        let session = SessionView(courseTitle: "c", courseHref: nil, date: day, time: nil, venue: nil, places: nil, bookingURL: nil)
        expectKeysCoverFields(session)
        expectKeysCoverFields(CourseView(level: 1, duration: nil, refreshYears: nil, outcomes: [], sessions: [session], trainingHref: "h"))
        expectKeysCoverFields(TrainingPageView(layout: layout, sessions: [], coursesHref: nil))
        expectKeysCoverFields(LibraryPageView(layout: layout, references: []))
        expectKeysCoverFields(AccessibilityPageView(layout: layout, boardName: "b", contactEmail: nil, lastReviewed: nil))
        expectKeysCoverFields(SimplePageView(layout: layout))
        let feedEntry = DiscoveryFiles.FeedEntry(title: "t", url: "u", published: "p", updated: "u", summary: nil, kind: "k")
        expectKeysCoverFields(feedEntry)
        expectKeysCoverFields(DiscoveryFiles.FeedView(title: "t", author: "a", siteURL: "s", feedURL: "f", updated: "u", entries: [feedEntry]))
        let url = DiscoveryFiles.SitemapURL(loc: "l", lastmod: nil)
        expectKeysCoverFields(url)
        expectKeysCoverFields(DiscoveryFiles.SitemapView(urls: [url]))
    }
}
