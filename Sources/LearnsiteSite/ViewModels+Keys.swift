import LearnsiteTheme

// Template keys of the site's view models (see `MustacheView`): a key missing here reads as empty
// in templates, so each list mirrors its struct's fields.

extension LayoutView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<LayoutView> = [
        "site": .init { $0.site }, "root": .init { $0.root }, "pageTitle": .init { $0.pageTitle }, "metaDescription": .init { $0.metaDescription }, "canonical": .init { $0.canonical },
    ]
}

extension SiteView: SharedMustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<SiteView> = [
        "root": .init { $0.root }, "name": .init { $0.name }, "shortName": .init { $0.shortName }, "description": .init { $0.description }, "language": .init { $0.language }, "nav": .init { $0.nav },
        "footerLinks": .init { $0.footerLinks }, "contacts": .init { $0.contacts }, "exitURL": .init { $0.exitURL }, "feed": .init { $0.feed },
    ]
}

extension NavLink: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<NavLink> = ["title": .init { $0.title }, "href": .init { $0.href }, "current": .init { $0.current }]
}

extension DocumentLink: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<DocumentLink> = [
        "title": .init { $0.title }, "href": .init { $0.href }, "summary": .init { $0.summary }, "kind": .init { $0.kind }, "date": .init { $0.date }, "dateISO": .init { $0.dateISO },
        "overdue": .init { $0.overdue },
    ]
}

extension DocumentPageView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<DocumentPageView> = [
        "layout": .init { $0.layout }, "title": .init { $0.title }, "kind": .init { $0.kind }, "kindIndexHref": .init { $0.kindIndexHref }, "summary": .init { $0.summary },
        "date": .init { $0.date }, "revised": .init { $0.revised }, "reviewBy": .init { $0.reviewBy }, "author": .init { $0.author }, "audience": .init { $0.audience },
        "overdue": .init { $0.overdue }, "themes": .init { $0.themes }, "figures": .init { $0.figures }, "discussion": .init { $0.discussion }, "body": .init { $0.body },
        "references": .init { $0.references }, "course": .init { $0.course },
    ]
}

extension ListPageView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "layout": .init { $0.layout }, "title": .init { $0.title }, "countText": .init { $0.countText }, "documents": .init { $0.documents },
    ]
}

extension SectionView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "title": .init { $0.title }, "href": .init { $0.href }, "documents": .init { $0.documents }, "allText": .init { $0.allText },
    ]
}

extension HomePageView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "layout": .init { $0.layout }, "title": .init { $0.title }, "trainingHref": .init { $0.trainingHref }, "upcomingSessions": .init { $0.upcomingSessions },
        "intro": .init { $0.intro }, "sections": .init { $0.sections },
    ]
}

extension GlossaryPageView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["layout": .init { $0.layout }, "letters": .init { $0.letters }]
}

extension GlossaryLetter: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["letter": .init { $0.letter }, "terms": .init { $0.terms }]
}

extension GlossaryEntry: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "term": .init { $0.term }, "expansion": .init { $0.expansion }, "definition": .init { $0.definition }, "id": .init { $0.id }, "usedOn": .init { $0.usedOn },
        "moreText": .init { $0.moreText },
    ]
}

extension ThemeIndexView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["layout": .init { $0.layout }, "themes": .init { $0.themes }]
}

extension ThemeSummary: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["title": .init { $0.title }, "href": .init { $0.href }, "count": .init { $0.count }]
}

extension CourseView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "level": .init { $0.level }, "duration": .init { $0.duration }, "refreshYears": .init { $0.refreshYears }, "outcomes": .init { $0.outcomes },
        "sessions": .init { $0.sessions }, "trainingHref": .init { $0.trainingHref },
    ]
}

extension SessionView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "courseTitle": .init { $0.courseTitle }, "courseHref": .init { $0.courseHref }, "date": .init { $0.date }, "time": .init { $0.time }, "venue": .init { $0.venue },
        "places": .init { $0.places }, "bookingURL": .init { $0.bookingURL },
    ]
}

extension TrainingPageView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "layout": .init { $0.layout }, "sessions": .init { $0.sessions }, "coursesHref": .init { $0.coursesHref },
    ]
}

extension LibraryPageView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["layout": .init { $0.layout }, "references": .init { $0.references }]
}

extension AccessibilityPageView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "layout": .init { $0.layout }, "boardName": .init { $0.boardName }, "contactEmail": .init { $0.contactEmail }, "lastReviewed": .init { $0.lastReviewed },
    ]
}

extension SimplePageView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["layout": .init { $0.layout }]
}

extension DiscoveryFiles.FeedView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "title": .init { $0.title }, "author": .init { $0.author }, "siteURL": .init { $0.siteURL }, "feedURL": .init { $0.feedURL },
        "updated": .init { $0.updated }, "entries": .init { $0.entries },
    ]
}

extension DiscoveryFiles.FeedEntry: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "title": .init { $0.title }, "url": .init { $0.url }, "published": .init { $0.published }, "updated": .init { $0.updated },
        "summary": .init { $0.summary }, "kind": .init { $0.kind },
    ]
}

extension DiscoveryFiles.SitemapView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["urls": .init { $0.urls }]
}

extension DiscoveryFiles.SitemapURL: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["loc": .init { $0.loc }, "lastmod": .init { $0.lastmod }]
}
