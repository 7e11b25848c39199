/// Resolves each distinct raw register value (an agency spelling, a status word) once, then finds it again
/// by its bytes' hash, so a million rows cost a million table look-ups rather than a million `String`s.
final class ValueTable<Value> {
    private let index = HashIndex()
    private var values: [Value] = []

    /// The value resolved for these bytes before; nil the first time they are seen, when the caller
    /// must resolve them and `add` the result (a closure here would cost a retain and release per row).
    @inline(__always)
    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        let (position, isNew) = index.index(of: ByteText.hash(bytes, seed: 0x5EED))
        return isNew ? nil : values[position]
    }

    /// Records the value for the bytes just looked up, and returns it.
    func add(_ value: Value) -> Value {
        values.append(value)
        return value
    }
}
