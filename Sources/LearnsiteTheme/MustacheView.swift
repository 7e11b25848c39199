import LearnsiteContent

/// What a template tag finds in a view model: text, a yes/no, another view, or a list.
///
/// Every case holds plain data or one reference, so a value (and a renderer's frame) is copied with a
/// retain: views and lists held as existentials were copied and destroyed through their type's value
/// witnesses, a third of every lookup.
public enum TemplateValue {
    case text(String)
    /// Text already in UTF-8 bytes, such as a body's HTML, written as it is: made into a `String`, it was
    /// checked again for valid UTF-8 (2.5% of the instructions of a 10,000-page build).
    case utf8([UInt8])
    case flag(Bool)
    /// A view: a class as it is, any other view boxed when read (see `BoxedView`).
    case view(any MustacheView & AnyObject)
    /// A view many pages share; see `SharedMustacheView`.
    case shared(any SharedMustacheView)
    /// A list of views, kept as the array it is: boxing each item as a view on every lookup cost an
    /// allocation per item and a retain of each of its fields.
    case views(any MustacheViews)
    case texts([String])
}

/// A list of one kind of view, read item by item without copying the items. A class (`ViewArray`), so a
/// value or frame holding a list holds one reference.
public protocol MustacheViews: AnyObject {
    var count: Int { get }
    func field(at index: Int, named name: TemplateName) -> TemplateValue??
    func view(at index: Int) -> any MustacheView & AnyObject
    /// Item `index` when the items are shared views (see `SharedMustacheView`), whose sections are kept.
    func sharedView(at index: Int) -> (any SharedMustacheView)?
}

/// The array a view's list field holds, as templates read it.
public final class ViewArray<Element: MustacheView>: MustacheViews {
    @usableFromInline let items: [Element]

    @inlinable public init(_ items: [Element]) {
        self.items = items
    }

    public var count: Int { items.count }

    public func field(at index: Int, named name: TemplateName) -> TemplateValue?? {
        Element.field(of: items, at: index, named: name)
    }

    public func view(at index: Int) -> any MustacheView & AnyObject { BoxedView(items[index]) }

    public func sharedView(at index: Int) -> (any SharedMustacheView)? { Element.shared(items[index]) }
}

/// A view that is not a class (or a page's own view), boxed so templates can hold it by reference.
public final class BoxedView<View: MustacheView>: MustacheView {
    let view: View

    public init(_ view: View) {
        self.view = view
    }

    /// Never read: `field(named:)` asks the boxed view, whose own keys answer.
    public static var keys: TemplateKeys<BoxedView> { [:] }

    public func field(named name: TemplateName) -> TemplateValue?? {
        view.field(named: name)
    }
}

/// A view model that answers a template's `{{name}}` lookups from a table of typed fields.
///
/// The table gives each value its kind once, in Swift, so rendering never has to discover it at run
/// time (swift-mustache did, with a dynamic cast per lookup: half of a large build; see `Template`).
public protocol MustacheView {
    static var keys: TemplateKeys<Self> { get }
    /// nil when the view has no such field; `.some(nil)` when it has one with no value, which ends the
    /// lookup (as the Mustache spec says), so a reference without a `date` never shows its page's date.
    func field(named name: TemplateName) -> TemplateValue??
    /// `items[index].field(named: name)`, compiled for each view type (see below).
    static func field(of items: [Self], at index: Int, named name: TemplateName) -> TemplateValue??
    /// The view as a shared one, if its type is; nil for others (a static answer, so no cast per item).
    static func shared(_ view: Self) -> (any SharedMustacheView)?
}

extension MustacheView {
    // Inlinable, as are the fields below, so each view's module compiles them for its own type: left
    // generic, every lookup asked the runtime for the table's type metadata (a fifth of page rendering).
    @inlinable
    public func field(named name: TemplateName) -> TemplateValue?? {
        Self.keys.read(name, of: self)
    }

    // Here, compiled for each view type, the item is borrowed. In the generic `Array` conformance it was
    // copied (a retain of each of its fields), or, read through its buffer, the runtime was asked for the
    // buffer's type metadata on every call (4% of a large build).
    @inlinable
    public static func field(of items: [Self], at index: Int, named name: TemplateName) -> TemplateValue?? {
        items[index].field(named: name)
    }

    public static func shared(_ view: Self) -> (any SharedMustacheView)? { nil }
}

/// A view made once and shown on many pages (the site's navigation and contact box), whose fields never
/// change once it is made (hence `Sendable`: a final class of constants).
///
/// A section over one, `{{#layout.site}}...{{/layout.site}}`, is rendered once per template: when
/// nothing in the section looks outside the view, its output is kept, keyed by the view's identity,
/// and copied into every later page. Each page's header and footer cost a copy, not a hundred lookups.
/// The same holds for each item of a list of shared views: a reference the library lists once is
/// rendered once per template, however many documents cite it.
public protocol SharedMustacheView: AnyObject, MustacheView, Sendable {}

extension SharedMustacheView {
    public static func shared(_ view: Self) -> (any SharedMustacheView)? { view }
}

/// A name as a template writes it (`title` of `{{title}}`), hashed once, when the template is compiled.
public struct TemplateName: Sendable {
    public let text: String
    @usableFromInline let hash: Int

    public init(_ text: String) {
        self.text = text
        hash = Int(truncatingIfNeeded: Fingerprint(text.utf8).value)
    }
}

/// A view's fields by name, written as a dictionary (`["title": .init { $0.title }]`). Looked up by a
/// `TemplateName`, whose hash is already known: a `Dictionary` hashed the name again at every lookup,
/// a tenth of rendering a page.
public struct TemplateKeys<View>: ExpressibleByDictionaryLiteral {
    /// Indexes into `names` and `fields` by hash, open-addressed; -1 is free.
    @usableFromInline let slots: [Int]
    @usableFromInline let names: [TemplateName]
    @usableFromInline let fields: [TemplateField<View>]

    public init(dictionaryLiteral elements: (String, TemplateField<View>)...) {
        names = elements.map { TemplateName($0.0) }
        fields = elements.map(\.1)
        var slots = [Int](repeating: -1, count: max(8, 1 << (Int.bitWidth - (elements.count * 2).leadingZeroBitCount)))
        for (index, name) in names.enumerated() {
            precondition(!names[..<index].contains { $0.text == name.text }, "`\(name.text)` is a key twice")
            var slot = name.hash & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = index
        }
        self.slots = slots
    }

    /// Every key, for checking that a view lists all its fields.
    public var allNames: [String] { names.map(\.text) }

    /// The field `name` of `view`: nil when there is no such field. Read where the table holds it: a
    /// field taken out of the table first (a subscript) was retained and released at every lookup.
    @inlinable
    public func read(_ name: TemplateName, of view: View) -> TemplateValue?? {
        var slot = name.hash & (slots.count - 1)
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            if names[index].hash == name.hash && names[index].text == name.text { return .some(fields[index].read(view)) }
            slot = (slot + 1) & (slots.count - 1)
        }
    }
}

/// How to read one field of a view for templates, e.g. `.init { $0.title }`. An absent optional reads
/// as missing, so `{{#summary}}...{{/summary}}` is skipped when there is none. Closures rather than key
/// paths: a key path held in a table is applied through the runtime (5% of a large build).
public struct TemplateField<View> {
    @usableFromInline let read: (View) -> TemplateValue?

    @inlinable public init(_ text: @escaping (View) -> String) { read = { .text(text($0)) } }
    @inlinable public init(_ text: @escaping (View) -> String?) { read = { text($0).map(TemplateValue.text) } }
    @inlinable public init(_ bytes: @escaping (View) -> [UInt8]) { read = { .utf8(bytes($0)) } }
    @inlinable public init(_ bytes: @escaping (View) -> [UInt8]?) { read = { bytes($0).map(TemplateValue.utf8) } }
    @inlinable public init(_ flag: @escaping (View) -> Bool) { read = { .flag(flag($0)) } }
    @inlinable public init(_ number: @escaping (View) -> Int) { read = { .text(String(number($0))) } }
    @inlinable public init(_ number: @escaping (View) -> Int?) { read = { number($0).map { .text(String($0)) } } }
    @inlinable public init(_ texts: @escaping (View) -> [String]) { read = { .texts(texts($0)) } }
    @inlinable public init(_ numbers: @escaping (View) -> [Int]) { read = { .texts(numbers($0).map(String.init)) } }
    @inlinable public init<Child: MustacheView>(_ child: @escaping (View) -> Child) { read = { .view(BoxedView(child($0))) } }
    /// A child view that is a class needs no box.
    @inlinable public init<Child: MustacheView & AnyObject>(_ child: @escaping (View) -> Child) { read = { .view(child($0)) } }
    @inlinable public init<Child: MustacheView>(_ child: @escaping (View) -> Child?) { read = { child($0).map { .view(BoxedView($0)) } } }
    @inlinable public init<Child: MustacheView & AnyObject>(_ child: @escaping (View) -> Child?) { read = { child($0).map { .view($0) } } }
    @inlinable public init<Child: SharedMustacheView>(_ child: @escaping (View) -> Child) { read = { .shared(child($0)) } }
    @inlinable public init<Child: MustacheView>(_ children: @escaping (View) -> [Child]) { read = { .views(ViewArray(children($0))) } }
}
