import Mustache

/// A view model that answers a template's `{{name}}` lookups from a table of key paths.
///
/// swift-mustache otherwise finds each value by building a `Mirror` of the whole value for every
/// lookup, which was over a quarter of the time of a 6,000-page build.
public protocol MustacheView: MustacheParent {
    static var keys: [String: PartialKeyPath<Self>] { get }
}

extension MustacheView {
    public func child(named name: String) -> Any? {
        guard let path = Self.keys[name] else { return nil }
        let value = self[keyPath: path]
        // An absent optional must read as missing, so `{{#summary}}` is skipped when there is none.
        if let optional = value as? OptionalValue { return optional.unwrapped }
        return value
    }
}

private protocol OptionalValue {
    var unwrapped: Any? { get }
}

extension Optional: OptionalValue {
    var unwrapped: Any? { self.map { $0 } }
}
