import LearnsiteTheme

// Template keys of the shared views (see `MustacheView`).

extension ContactView: MustacheView {
    nonisolated(unsafe) public static let keys: [String: TemplateField<Self>] = [
        "name": .init(\.name), "phone": .init(\.phone), "phoneHref": .init(\.phoneHref), "email": .init(\.email), "url": .init(\.url),
        "address": .init(\.address), "note": .init(\.note),
    ]
}

extension DateView: MustacheView {
    nonisolated(unsafe) public static let keys: [String: TemplateField<Self>] = ["text": .init(\.text), "iso": .init(\.iso)]
}

extension FigureView: MustacheView {
    nonisolated(unsafe) public static let keys: [String: TemplateField<Self>] = ["label": .init(\.label), "value": .init(\.value), "note": .init(\.note)]
}

extension ReferenceView: MustacheView {
    nonisolated(unsafe) public static let keys: [String: TemplateField<Self>] = [
        "id": .init(\.id), "title": .init(\.title), "author": .init(\.author), "publisher": .init(\.publisher), "date": .init(\.date), "url": .init(\.url),
    ]
}
