import LearnsiteTheme

// Template keys of the site's view models (see `MustacheView`): a key missing here reads as empty
// in templates, so each list mirrors its struct's fields.

extension LayoutView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "site": \.site, "root": \.root, "pageTitle": \.pageTitle, "metaDescription": \.metaDescription, "canonical": \.canonical,
    ]
}

extension SiteView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "name": \.name, "shortName": \.shortName, "description": \.description, "language": \.language, "nav": \.nav,
        "footerLinks": \.footerLinks, "contacts": \.contacts, "exitURL": \.exitURL, "feed": \.feed,
    ]
}

extension NavLink: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["title": \.title, "href": \.href, "current": \.current]
}

extension DocumentLink: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "title": \.title, "href": \.href, "summary": \.summary, "kind": \.kind, "date": \.date, "dateISO": \.dateISO,
        "overdue": \.overdue,
    ]
}

extension DocumentPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "layout": \.layout, "title": \.title, "kind": \.kind, "kindIndexHref": \.kindIndexHref, "summary": \.summary,
        "date": \.date, "revised": \.revised, "reviewBy": \.reviewBy, "author": \.author, "audience": \.audience,
        "overdue": \.overdue, "themes": \.themes, "figures": \.figures, "discussion": \.discussion, "body": \.body,
        "references": \.references, "course": \.course,
    ]
}

extension ListPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "layout": \.layout, "title": \.title, "countText": \.countText, "documents": \.documents,
    ]
}

extension SectionView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "title": \.title, "href": \.href, "documents": \.documents, "allText": \.allText,
    ]
}

extension HomePageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "layout": \.layout, "title": \.title, "trainingHref": \.trainingHref, "upcomingSessions": \.upcomingSessions,
        "intro": \.intro, "sections": \.sections,
    ]
}

extension GlossaryPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["layout": \.layout, "letters": \.letters]
}

extension GlossaryLetter: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["letter": \.letter, "terms": \.terms]
}

extension GlossaryEntry: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "term": \.term, "expansion": \.expansion, "definition": \.definition, "id": \.id, "usedOn": \.usedOn,
        "moreText": \.moreText,
    ]
}

extension ThemeIndexView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["layout": \.layout, "themes": \.themes]
}

extension ThemeSummary: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["title": \.title, "href": \.href, "count": \.count]
}

extension CourseView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "level": \.level, "duration": \.duration, "refreshYears": \.refreshYears, "outcomes": \.outcomes,
        "sessions": \.sessions, "trainingHref": \.trainingHref,
    ]
}

extension SessionView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "courseTitle": \.courseTitle, "courseHref": \.courseHref, "date": \.date, "time": \.time, "venue": \.venue,
        "places": \.places, "bookingURL": \.bookingURL,
    ]
}

extension TrainingPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "layout": \.layout, "sessions": \.sessions, "coursesHref": \.coursesHref,
    ]
}

extension LibraryPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["layout": \.layout, "references": \.references]
}

extension AccessibilityPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "layout": \.layout, "boardName": \.boardName, "contactEmail": \.contactEmail, "lastReviewed": \.lastReviewed,
    ]
}

extension SimplePageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["layout": \.layout]
}
