import LearnsiteTheme

// Template keys of the shared views (see `MustacheView`).

extension ContactView: MustacheView {
    nonisolated(unsafe) public static let keys: [String: PartialKeyPath<Self>] = [
        "name": \.name, "phone": \.phone, "phoneHref": \.phoneHref, "email": \.email, "url": \.url,
        "address": \.address, "note": \.note,
    ]
}

extension DateView: MustacheView {
    nonisolated(unsafe) public static let keys: [String: PartialKeyPath<Self>] = ["text": \.text, "iso": \.iso]
}

extension FigureView: MustacheView {
    nonisolated(unsafe) public static let keys: [String: PartialKeyPath<Self>] = ["label": \.label, "value": \.value, "note": \.note]
}

extension ReferenceView: MustacheView {
    nonisolated(unsafe) public static let keys: [String: PartialKeyPath<Self>] = [
        "id": \.id, "title": \.title, "author": \.author, "publisher": \.publisher, "date": \.date, "url": \.url,
    ]
}
