import LearnsiteTheme

// Template keys of the site's view models (see `MustacheView`): a key missing here reads as empty
// in templates, so each list mirrors its struct's fields.

extension LayoutView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<LayoutView>] = [
        "site": .init(\.site), "root": .init(\.root), "pageTitle": .init(\.pageTitle), "metaDescription": .init(\.metaDescription), "canonical": .init(\.canonical),
    ]
}

extension SiteView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<SiteView>] = [
        "name": .init(\.name), "shortName": .init(\.shortName), "description": .init(\.description), "language": .init(\.language), "nav": .init(\.nav),
        "footerLinks": .init(\.footerLinks), "contacts": .init(\.contacts), "exitURL": .init(\.exitURL), "feed": .init(\.feed),
    ]
}

extension NavLink: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = ["title": .init(\.title), "href": .init(\.href), "current": .init(\.current)]
}

extension DocumentLink: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "title": .init(\.title), "href": .init(\.href), "summary": .init(\.summary), "kind": .init(\.kind), "date": .init(\.date), "dateISO": .init(\.dateISO),
        "overdue": .init(\.overdue),
    ]
}

extension DocumentPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "layout": .init(\.layout), "title": .init(\.title), "kind": .init(\.kind), "kindIndexHref": .init(\.kindIndexHref), "summary": .init(\.summary),
        "date": .init(\.date), "revised": .init(\.revised), "reviewBy": .init(\.reviewBy), "author": .init(\.author), "audience": .init(\.audience),
        "overdue": .init(\.overdue), "themes": .init(\.themes), "figures": .init(\.figures), "discussion": .init(\.discussion), "body": .init(\.body),
        "references": .init(\.references), "course": .init(\.course),
    ]
}

extension ListPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "layout": .init(\.layout), "title": .init(\.title), "countText": .init(\.countText), "documents": .init(\.documents),
    ]
}

extension SectionView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "title": .init(\.title), "href": .init(\.href), "documents": .init(\.documents), "allText": .init(\.allText),
    ]
}

extension HomePageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "layout": .init(\.layout), "title": .init(\.title), "trainingHref": .init(\.trainingHref), "upcomingSessions": .init(\.upcomingSessions),
        "intro": .init(\.intro), "sections": .init(\.sections),
    ]
}

extension GlossaryPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = ["layout": .init(\.layout), "letters": .init(\.letters)]
}

extension GlossaryLetter: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = ["letter": .init(\.letter), "terms": .init(\.terms)]
}

extension GlossaryEntry: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "term": .init(\.term), "expansion": .init(\.expansion), "definition": .init(\.definition), "id": .init(\.id), "usedOn": .init(\.usedOn),
        "moreText": .init(\.moreText),
    ]
}

extension ThemeIndexView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = ["layout": .init(\.layout), "themes": .init(\.themes)]
}

extension ThemeSummary: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = ["title": .init(\.title), "href": .init(\.href), "count": .init(\.count)]
}

extension CourseView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "level": .init(\.level), "duration": .init(\.duration), "refreshYears": .init(\.refreshYears), "outcomes": .init(\.outcomes),
        "sessions": .init(\.sessions), "trainingHref": .init(\.trainingHref),
    ]
}

extension SessionView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "courseTitle": .init(\.courseTitle), "courseHref": .init(\.courseHref), "date": .init(\.date), "time": .init(\.time), "venue": .init(\.venue),
        "places": .init(\.places), "bookingURL": .init(\.bookingURL),
    ]
}

extension TrainingPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "layout": .init(\.layout), "sessions": .init(\.sessions), "coursesHref": .init(\.coursesHref),
    ]
}

extension LibraryPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = ["layout": .init(\.layout), "references": .init(\.references)]
}

extension AccessibilityPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "layout": .init(\.layout), "boardName": .init(\.boardName), "contactEmail": .init(\.contactEmail), "lastReviewed": .init(\.lastReviewed),
    ]
}

extension SimplePageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = ["layout": .init(\.layout)]
}

extension DiscoveryFiles.FeedView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "title": .init(\.title), "author": .init(\.author), "siteURL": .init(\.siteURL), "feedURL": .init(\.feedURL),
        "updated": .init(\.updated), "entries": .init(\.entries),
    ]
}

extension DiscoveryFiles.FeedEntry: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "title": .init(\.title), "url": .init(\.url), "published": .init(\.published), "updated": .init(\.updated),
        "summary": .init(\.summary), "kind": .init(\.kind),
    ]
}

extension DiscoveryFiles.SitemapView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = ["urls": .init(\.urls)]
}

extension DiscoveryFiles.SitemapURL: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = ["loc": .init(\.loc), "lastmod": .init(\.lastmod)]
}
