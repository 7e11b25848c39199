#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves each distinct raw register value (an agency spelling, a status word, a date) once, then finds it
/// again by its bytes' hash, so a million rows cost a million table look-ups rather than a million `String`s.
///
/// It also remembers the last value's bytes: a register lists a session's bookings together, so a row's date
/// and course are usually the previous row's, and comparing a few bytes is cheaper than hashing them.
final class ValueTable<Value> {
    private let index = HashIndex()
    private var values: [Value] = []
    private static var memoCapacity: Int { 64 }
    private let memo = UnsafeMutablePointer<UInt8>.allocate(capacity: ValueTable.memoCapacity)
    /// The remembered bytes' length (-1 when none) and their value's position.
    private var memoCount = -1
    private var memoPosition = 0

    deinit { memo.deallocate() }

    /// The value resolved for these bytes before; nil the first time they are seen, when the caller
    /// must resolve them and `add` the result (a closure here would cost a retain and release per row).
    @inline(__always)
    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        if bytes.count == memoCount, bytes.isEmpty || memcmp(memo, bytes.baseAddress!, bytes.count) == 0 {
            return values[memoPosition]
        }
        let (position, isNew) = index.index(of: ByteText.hash(bytes, seed: 0x5EED))
        if bytes.count <= ValueTable.memoCapacity {
            if let start = bytes.baseAddress { memo.update(from: start, count: bytes.count) }
            memoCount = bytes.count
            memoPosition = position
        }
        return isNew ? nil : values[position]
    }

    /// Records the value for the bytes just looked up, and returns it.
    func add(_ value: Value) -> Value {
        values.append(value)
        return value
    }
}
