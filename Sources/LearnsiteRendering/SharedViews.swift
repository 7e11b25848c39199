import LearnsiteContent

// View models that site pages and handouts show the same way. Plain text only: templates escape it.

/// A way to reach someone, with a `tel:` link phones can dial.
/// Classes, like the other views templates read in lists: an item read for each of its fields was copied
/// each time, a retain of every string it holds.
public final class ContactView: Sendable {
    public let name: String
    public let phone: String?
    public let phoneHref: String?
    public let email: String?
    public let url: String?
    public let address: String?
    public let note: String?

    public init(_ contact: Contact) {
        name = contact.name
        phone = contact.phone
        phoneHref = contact.phone.map { "tel:" + $0.filter { $0.isNumber || $0 == "+" } }
        email = contact.email
        url = contact.url.map { $0.contains("://") ? $0 : "https://" + $0 }
        address = contact.address
        note = contact.note
    }
}

public final class DateView: Sendable {
    public let text: String
    public let iso: String

    public init(_ day: Day) {
        text = day.longForm
        iso = day.description
    }
}

public final class FigureView: Sendable {
    public let label: String
    public let value: String
    public let note: String?

    public init(_ figure: Figure) {
        label = figure.label
        value = figure.value
        note = figure.note
    }
}
