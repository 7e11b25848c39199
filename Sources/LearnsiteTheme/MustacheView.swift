/// What a template tag finds in a view model: text, a yes/no, another view, or a list.
public enum TemplateValue {
    case text(String)
    case flag(Bool)
    case view(any MustacheView)
    /// A list of views, kept as the array it is: boxing each item as `any MustacheView` on every
    /// lookup cost an allocation per item and a retain of each of its fields.
    case views(any MustacheViews)
    case texts([String])
}

/// A list of one kind of view, read item by item without copying the items.
public protocol MustacheViews {
    var count: Int { get }
    var isEmpty: Bool { get }
    func field(at index: Int, named name: String) -> TemplateValue??
    func view(at index: Int) -> any MustacheView
}

extension Array: MustacheViews where Element: MustacheView {
    public func field(at index: Int, named name: String) -> TemplateValue?? {
        // Through the buffer, the item is borrowed; `self[index]` copies it in generic code.
        withUnsafeBufferPointer { $0[index].field(named: name) }
    }

    public func view(at index: Int) -> any MustacheView { self[index] }
}

/// A view model that answers a template's `{{name}}` lookups from a table of typed fields.
///
/// The table gives each value its kind once, in Swift, so rendering never has to discover it at run
/// time (swift-mustache did, with a dynamic cast per lookup: half of a large build; see `Template`).
public protocol MustacheView {
    static var keys: [String: TemplateField<Self>] { get }
    /// nil when the view has no such field; `.some(nil)` when it has one with no value, which ends the
    /// lookup (as the Mustache spec says), so a reference without a `date` never shows its page's date.
    func field(named name: String) -> TemplateValue??
}

extension MustacheView {
    // Inlinable, as are the fields below, so each view's module compiles them for its own type: left
    // generic, every lookup asked the runtime for the table's type metadata (a fifth of page rendering).
    @inlinable
    public func field(named name: String) -> TemplateValue?? {
        Self.keys[name].map { $0.read(self) }
    }
}

/// How to read one field of a view for templates. An absent optional reads as missing, so
/// `{{#summary}}...{{/summary}}` is skipped when there is none.
public struct TemplateField<View> {
    @usableFromInline let read: (View) -> TemplateValue?

    @inlinable public init(_ path: KeyPath<View, String>) { read = { .text($0[keyPath: path]) } }
    @inlinable public init(_ path: KeyPath<View, String?>) { read = { $0[keyPath: path].map(TemplateValue.text) } }
    @inlinable public init(_ path: KeyPath<View, Bool>) { read = { .flag($0[keyPath: path]) } }
    @inlinable public init(_ path: KeyPath<View, Int>) { read = { .text(String($0[keyPath: path])) } }
    @inlinable public init(_ path: KeyPath<View, Int?>) { read = { $0[keyPath: path].map { .text(String($0)) } } }
    @inlinable public init(_ path: KeyPath<View, [String]>) { read = { .texts($0[keyPath: path]) } }
    @inlinable public init(_ path: KeyPath<View, [Int]>) { read = { .texts($0[keyPath: path].map(String.init)) } }
    public init<Child: MustacheView>(_ path: KeyPath<View, Child>) { read = { .view($0[keyPath: path]) } }
    public init<Child: MustacheView>(_ path: KeyPath<View, Child?>) { read = { $0[keyPath: path].map { .view($0) } } }
    public init<Child: MustacheView>(_ path: KeyPath<View, [Child]>) { read = { .views($0[keyPath: path]) } }
}
