import LearnsiteTheme

// Template keys of the handout views (see `MustacheView`).

extension HandoutLayoutView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<HandoutLayoutView>] = [
        "boardName": .init(\.boardName), "root": .init(\.root), "pageTitle": .init(\.pageTitle), "logo": .init(\.logo),
    ]
}

extension HandoutDocumentView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "title": .init(\.title), "kind": .init(\.kind), "anchor": .init(\.anchor), "summary": .init(\.summary), "date": .init(\.date), "revised": .init(\.revised),
        "reviewBy": .init(\.reviewBy), "overdue": .init(\.overdue), "onlineURL": .init(\.onlineURL), "figures": .init(\.figures),
        "discussion": .init(\.discussion), "body": .init(\.body), "references": .init(\.references),
    ]
}

extension HandoutPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "layout": .init(\.layout), "document": .init(\.document), "contacts": .init(\.contacts),
    ]
}

extension PackPageView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "layout": .init(\.layout), "title": .init(\.title), "course": .init(\.course), "date": .init(\.date), "summary": .init(\.summary), "intro": .init(\.intro),
        "documents": .init(\.documents), "contacts": .init(\.contacts),
    ]
}

extension HandoutIndexView: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = ["layout": .init(\.layout), "groups": .init(\.groups)]
}

extension HandoutGroup: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = ["title": .init(\.title), "handouts": .init(\.handouts)]
}

extension HandoutLink: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = ["title": .init(\.title), "html": .init(\.html), "pdf": .init(\.pdf)]
}

extension SignInSheets.View: MustacheView {
    nonisolated(unsafe) static let keys: [String: TemplateField<Self>] = [
        "layout": .init(\.layout), "course": .init(\.course), "date": .init(\.date), "times": .init(\.times),
        "venue": .init(\.venue), "trainer": .init(\.trainer), "rows": .init(\.rows),
    ]
}
