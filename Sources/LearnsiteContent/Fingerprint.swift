/// A quick, stable 64-bit fingerprint (FNV-1a) of bytes, for noticing that an input changed between
/// builds. It only has to notice changes, not resist someone crafting a collision.
public struct Fingerprint: Sendable, Hashable, Codable, CustomStringConvertible {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public init<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        add(bytes)
    }

    public mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        // A whole file at a time: over contiguous bytes the loop runs without the generic iterator.
        if bytes.withContiguousStorageIfAvailable({ add(buffer: $0) }) != nil { return }
        for byte in bytes { mix(byte) }
    }

    private mutating func add(buffer: UnsafeBufferPointer<UInt8>) {
        for byte in buffer { mix(byte) }
    }

    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x100_0000_01b3
    }

    public mutating func add(_ text: String) {
        add(text.utf8)
        add([0])  // so "ab","c" and "a","bc" differ
    }

    public mutating func add(_ other: Fingerprint) {
        withUnsafeBytes(of: other.value.littleEndian) { add($0) }
    }

    public var description: String { String(value, radix: 16) }
}
