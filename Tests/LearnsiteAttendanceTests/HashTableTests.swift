import LearnsiteTestSupport
import Testing
@testable import LearnsiteAttendance

@Suite struct HashTableTests {
    /// Enough keys for every one of the key set's tables to grow several times, with repeats far apart
    /// (so found again after a growth) and keys that differ only in the bits that choose a table.
    @Test func keySetAgreesWithSetAcrossGrowth() {
        var random = SplitMix64(state: 8)
        let fresh = (0..<200_000).map { _ in random.next() }
        let keys = fresh + [0, 1, UInt64.max, 1 << 63, 1 << 58] + fresh.prefix(50_000) + fresh.suffix(10)
        let set = KeySet(capacity: 16)
        var isNew: [Bool] = []
        set.insert(keys, isNew: &isNew)
        var seen = Set<UInt64>()
        // 0 is stored as 1, so the two are one key.
        let expected = keys.map { seen.insert($0 == 0 ? 1 : $0).inserted }
        #expect(isNew == expected)
        #expect(set.count == seen.count)
    }

    @Test func hashIndexNumbersKeysInOrderOfFirstSight() {
        let index = HashIndex(capacity: 1)
        let keys: [UInt64] = (0..<5_000).map { $0 &* 0x9E37_79B9_7F4A_7C15 }
        #expect(keys.map { index.index(of: $0).index } == Array(0..<5_000))
        #expect(keys.reversed().map { index.index(of: $0).isNew }.allSatisfy { !$0 })
        #expect(index.count == 5_000)
    }
}
