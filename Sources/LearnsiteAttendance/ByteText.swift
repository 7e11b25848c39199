/// Helpers for register values as raw UTF-8 bytes, so the per-row work makes no `String`.
enum ByteText {
    /// The value without leading and trailing spaces and tabs.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var from = 0, to = bytes.count
        while from < to && (bytes[from] == 32 || bytes[from] == 9) { from += 1 }
        while to > from && (bytes[to - 1] == 32 || bytes[to - 1] == 9) { to -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[from..<to])
    }

    /// A 64-bit hash of the bytes, eight at a time. Values are identified by this hash alone (see `HashIndex`).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        hash(words: bytes, seed: seed) { $0 }!
    }

    /// The hash of the value lowercased, as `hash` of the lowercased bytes would give, without copying them:
    /// ASCII is lowercased eight bytes at a time; other text goes through `String`.
    @inline(__always)
    static func caseFoldedHash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        hash(words: bytes, seed: seed) { $0 & 0x8080_8080_8080_8080 == 0 ? lowercased($0) : nil }
            ?? slowCaseFoldedHash(bytes, seed: seed)
    }

    /// Hashes the bytes as 64-bit words, each passed through `fold` (nil from it gives up). The last word
    /// overlaps the one before it when the count is not a multiple of 8, and a value under 8 bytes is packed
    /// into one word, so every byte counts without a byte-by-byte loop over the tail.
    @inline(__always)
    private static func hash(words bytes: UnsafeBufferPointer<UInt8>, seed: UInt64, _ fold: (UInt64) -> UInt64?) -> UInt64? {
        let count = bytes.count
        var h = seed ^ (UInt64(count) &* 0x9E37_79B9_7F4A_7C15)
        guard let start = bytes.baseAddress, count > 0 else { return mix(h) }
        let raw = UnsafeRawPointer(start)
        guard count >= 8 else {
            // 4-7 bytes: two 4-byte loads that overlap; 1-3 bytes: the first, middle and last byte.
            let packed = count >= 4
                ? UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
                    | UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))) << 32
                : UInt64(bytes[0]) | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1]) << 16
            return fold(packed).map { mix(step(h, $0)) }
        }
        var i = 0
        while i + 8 < count {
            guard let word = fold(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) else { return nil }
            h = step(h, word)
            i += 8
        }
        return fold(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))).map { mix(step(h, $0)) }
    }

    /// Eight ASCII bytes with `A`-`Z` made `a`-`z`: a byte is upper case when adding 0x3F sets its top bit
    /// (it is at least `A`) and adding 0x25 does not (it is at most `Z`); such bytes get 0x20 added.
    @inline(__always)
    private static func lowercased(_ word: UInt64) -> UInt64 {
        let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F
        let aboveZ = word &+ 0x2525_2525_2525_2525
        return word | ((atLeastA & ~aboveZ & 0x8080_8080_8080_8080) >> 2)
    }

    private static func slowCaseFoldedHash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var folded = Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8)
        return folded.withUnsafeMutableBufferPointer { hash(UnsafeBufferPointer($0), seed: seed) }
    }

    @inline(__always)
    private static func step(_ h: UInt64, _ word: UInt64) -> UInt64 {
        ((h ^ (word &* 0xC2B2_AE3D_27D4_EB4F)).rotated(31)) &* 0x9E37_79B9_7F4A_7C15
    }

    /// SplitMix64's finaliser: every input bit affects every output bit.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// The hash of a person's name, lowercased with runs of spaces made one, so `Sam  Smith` and `sam smith`
    /// are the same person. The parts (full name, or first and last) are joined with one space.
    static func nameHash(_ parts: [UnsafeBufferPointer<UInt8>], seed: UInt64) -> UInt64 {
        let capacity = parts.reduce(parts.count) { $0 + $1.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var length = 0
            var lastWasSpace = true
            for part in parts where !part.isEmpty {
                if length > 0 { buffer[length] = 32; length += 1 }
                for b in part {
                    // Other text is folded by `String`, which knows every script's capitals.
                    guard b < 0x80 else { return slowNameHash(parts, seed: seed) }
                    if b == 32 || b == 9 {
                        if !lastWasSpace { buffer[length] = 32; length += 1 }
                        lastWasSpace = true
                    } else {
                        buffer[length] = b &+ (b >= 65 && b <= 90 ? 32 : 0)
                        length += 1
                        lastWasSpace = false
                    }
                }
            }
            return hash(UnsafeBufferPointer(rebasing: buffer[..<length]), seed: seed)
        }
    }

    private static func slowNameHash(_ parts: [UnsafeBufferPointer<UInt8>], seed: UInt64) -> UInt64 {
        let words = parts.flatMap { String(decoding: $0, as: UTF8.self).lowercased().split(whereSeparator: \.isWhitespace) }
        var folded = Array(words.joined(separator: " ").utf8)
        return folded.withUnsafeMutableBufferPointer { hash(UnsafeBufferPointer($0), seed: seed) }
    }
}

extension UInt64 {
    @inline(__always)
    func rotated(_ bits: UInt64) -> UInt64 { (self << bits) | (self >> (64 - bits)) }
}
