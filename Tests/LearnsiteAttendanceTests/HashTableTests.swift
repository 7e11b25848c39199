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

    /// Every byte counts, at every length: the words overlap or are packed, so a tail byte left out would
    /// make two spellings one value.
    @Test func everyByteChangesTheHash() {
        var random = SplitMix64(state: 3)
        for length in 1...40 {
            var bytes = (0..<length).map { _ in UInt8(97 + random.next() % 26) }
            let original = hash(bytes)
            for position in 0..<length {
                bytes[position] ^= 0x01
                #expect(hash(bytes) != original, "length \(length), byte \(position)")
                bytes[position] ^= 0x01
            }
            #expect(hash(bytes) == original)
        }
        #expect(hash([]) != hash([0]))
    }

    @Test func caseFoldedHashIsTheHashOfTheLowercasedText() {
        var random = SplitMix64(state: 4)
        for length in 0...40 {
            let text = String((0..<length).map { _ in Character(Unicode.Scalar(UInt8(random.next() % 2 == 0 ? 65 : 97) + UInt8(random.next() % 26))) })
            #expect(foldedHash(text) == hash(Array(text.lowercased().utf8)), "\(text)")
        }
        #expect(foldedHash("Zoë.SMITH@Example.org") == hash(Array("zoë.smith@example.org".utf8)))
    }

    private func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { ByteText.hash($0, seed: 7) }
    }

    private func foldedHash(_ text: String) -> UInt64 {
        Array(text.utf8).withUnsafeBufferPointer { ByteText.caseFoldedHash($0, seed: 7) }
    }
}
