import LearnsiteTheme

// Template keys of the handout views (see `MustacheView`).

extension HandoutLayoutView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "boardName": \.boardName, "root": \.root, "pageTitle": \.pageTitle, "logo": \.logo,
    ]
}

extension HandoutDocumentView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "title": \.title, "kind": \.kind, "anchor": \.anchor, "summary": \.summary, "date": \.date, "revised": \.revised,
        "reviewBy": \.reviewBy, "overdue": \.overdue, "onlineURL": \.onlineURL, "figures": \.figures,
        "discussion": \.discussion, "body": \.body, "references": \.references,
    ]
}

extension HandoutPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "layout": \.layout, "document": \.document, "contacts": \.contacts,
    ]
}

extension PackPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = [
        "layout": \.layout, "title": \.title, "course": \.course, "date": \.date, "summary": \.summary, "intro": \.intro,
        "documents": \.documents, "contacts": \.contacts,
    ]
}

extension HandoutIndexView: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["layout": \.layout, "groups": \.groups]
}

extension HandoutGroup: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["title": \.title, "handouts": \.handouts]
}

extension HandoutLink: MustacheView {
    nonisolated(unsafe) static let keys: [String: PartialKeyPath<Self>] = ["title": \.title, "html": \.html, "pdf": \.pdf]
}
