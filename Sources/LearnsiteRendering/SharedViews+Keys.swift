import LearnsiteContent
import LearnsiteTheme

// Template keys of the shared views (see `MustacheView`).

extension ContactView: MustacheView {
    nonisolated(unsafe) public static let keys: TemplateKeys<ContactView> = [
        "name": .init { $0.name }, "phone": .init { $0.phone }, "phoneHref": .init { $0.phoneHref }, "email": .init { $0.email }, "url": .init { $0.url },
        "address": .init { $0.address }, "note": .init { $0.note },
    ]
}

extension DateView: MustacheView {
    nonisolated(unsafe) public static let keys: TemplateKeys<DateView> = ["text": .init { $0.text }, "iso": .init { $0.iso }]
}

extension FigureView: MustacheView {
    nonisolated(unsafe) public static let keys: TemplateKeys<FigureView> = ["label": .init { $0.label }, "value": .init { $0.value }, "note": .init { $0.note }]
}

// Shared: a library entry is the same on every page that cites it, so its list item is rendered once.
extension Reference: SharedMustacheView {
    nonisolated(unsafe) public static let keys: TemplateKeys<Reference> = [
        "id": .init { $0.id }, "title": .init { $0.title }, "author": .init { $0.author }, "publisher": .init { $0.publisher }, "date": .init { $0.date }, "url": .init { $0.url },
    ]
}
