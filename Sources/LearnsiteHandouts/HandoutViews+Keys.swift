import LearnsiteTheme

// Template keys of the handout views (see `MustacheView`).

extension HandoutLayoutView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<HandoutLayoutView> = [
        "boardName": .init { $0.boardName }, "root": .init { $0.root }, "pageTitle": .init { $0.pageTitle }, "logo": .init { $0.logo },
    ]
}

extension HandoutBoardView: SharedMustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<HandoutBoardView> = ["contacts": .init { $0.contacts }]
}

extension HandoutDocumentView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<HandoutDocumentView> = [
        "title": .init { $0.title }, "kind": .init { $0.kind }, "anchor": .init { $0.anchor }, "summary": .init { $0.summary }, "date": .init { $0.date }, "revised": .init { $0.revised },
        "reviewBy": .init { $0.reviewBy }, "overdue": .init { $0.overdue }, "onlineURL": .init { $0.onlineURL }, "figures": .init { $0.figures },
        "discussion": .init { $0.discussion }, "body": .init { $0.body }, "references": .init { $0.references },
    ]
}

extension HandoutPageView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<HandoutPageView> = [
        "layout": .init { $0.layout }, "document": .init { $0.document }, "board": .init { $0.board },
    ]
}

extension PackPageView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "layout": .init { $0.layout }, "title": .init { $0.title }, "course": .init { $0.course }, "date": .init { $0.date }, "summary": .init { $0.summary }, "intro": .init { $0.intro },
        "documents": .init { $0.documents }, "board": .init { $0.board },
    ]
}

extension HandoutIndexView: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["layout": .init { $0.layout }, "groups": .init { $0.groups }]
}

extension HandoutGroup: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = ["title": .init { $0.title }, "handouts": .init { $0.handouts }]
}

extension HandoutLink: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<HandoutLink> = ["title": .init { $0.title }, "html": .init { $0.html }, "pdf": .init { $0.pdf }]
}

extension SignInSheets.View: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "layout": .init { $0.layout }, "course": .init { $0.course }, "date": .init { $0.date }, "times": .init { $0.times },
        "venue": .init { $0.venue }, "trainer": .init { $0.trainer }, "rows": .init { $0.rows },
    ]
}
