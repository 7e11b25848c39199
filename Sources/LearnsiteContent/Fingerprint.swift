/// A quick, stable 64-bit fingerprint of bytes, for noticing that an input changed between builds.
/// It only has to notice changes, not resist someone crafting a collision. Long runs of bytes go in
/// sixteen at a time (see `add(buffer:)`); the rest with FNV-1a's multiply, eight bytes at a time with a
/// shift to carry high bits down (a byte at a time it was 4% of a rebuild).
public struct Fingerprint: Sendable, Hashable, CustomStringConvertible {
    public internal(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public init<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        add(bytes)
    }

    public mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        // A whole file at a time: over contiguous bytes the loop runs without the generic iterator.
        if bytes.withContiguousStorageIfAvailable({ add(buffer: UnsafeRawBufferPointer($0)) }) != nil { return }
        Array(bytes).withUnsafeBytes { add(buffer: $0) }
    }

    mutating func add(buffer: UnsafeRawBufferPointer) {
        var offset = 0
        // Sixteen bytes at a time, folded into the state with one full-width multiply, as wyhash does:
        // fingerprinting every file (53 MB for 10,000 pages) took a third of the instructions it did a word at a time.
        while offset + 16 <= buffer.count {
            let first = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let second = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            let (high, low) = (first ^ 0xa076_1d64_78bd_642f).multipliedFullWidth(by: second ^ value)
            value = high ^ low
            offset += 16
        }
        while offset + 8 <= buffer.count {
            mix(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        while offset < buffer.count {
            mix(UInt64(buffer[offset]))
            offset += 1
        }
    }

    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x100_0000_01b3
        value ^= value >> 29
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
