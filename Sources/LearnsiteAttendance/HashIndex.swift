/// Open-addressing tables keyed by 64-bit numbers, cheaper per row than `Dictionary` (no SipHash, no
/// boxing) and compact: the de-duplication set costs 8 bytes a slot.
///
/// The tally's keys are exact. Raw values (`ValueTable`) and bookings (`KeySet`) are keyed by a 64-bit hash
/// of their bytes instead of the bytes themselves: two different bookings share a hash with probability
/// about n²/2⁶⁵ (under one in ten million for a million rows), a risk taken to keep memory at a few bytes
/// a row instead of a copy of each row.

/// Maps a key to a dense index (0, 1, 2 ... in order of first insertion).
final class HashIndex {
    private var keys: UnsafeMutablePointer<UInt64>
    private var values: UnsafeMutablePointer<Int32>
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        let slots = max(16, (capacity * 2).nextPowerOfTwo)
        keys = .allocate(capacity: slots)
        values = .allocate(capacity: slots)
        values.initialize(repeating: -1, count: slots)
        mask = slots - 1
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    /// The key's index, adding it as the next index when new.
    @inline(__always)
    func index(of key: UInt64) -> (index: Int, isNew: Bool) {
        var slot = Int(truncatingIfNeeded: ByteText.mix(key)) & mask
        while values[slot] >= 0 {
            if keys[slot] == key { return (Int(values[slot]), false) }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = Int32(count)
        count += 1
        if count * 10 > (mask + 1) * 7 { grow() }
        return (count - 1, true)
    }

    private func grow() {
        let (oldKeys, oldValues, oldSlots) = (keys, values, mask + 1)
        let slots = oldSlots * 2
        keys = .allocate(capacity: slots)
        values = .allocate(capacity: slots)
        values.initialize(repeating: -1, count: slots)
        mask = slots - 1
        for old in 0..<oldSlots where oldValues[old] >= 0 {
            var slot = Int(truncatingIfNeeded: ByteText.mix(oldKeys[old])) & mask
            while values[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[old]
            values[slot] = oldValues[old]
        }
        oldKeys.deallocate()
        oldValues.deallocate()
    }
}

/// A set of already-mixed 64-bit keys; 0 marks an empty slot, so a key of 0 is stored as 1.
final class KeySet {
    private var keys: UnsafeMutablePointer<UInt64>
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        let slots = max(16, (capacity * 2).nextPowerOfTwo)
        keys = .allocate(capacity: slots)
        keys.initialize(repeating: 0, count: slots)
        mask = slots - 1
    }

    deinit { keys.deallocate() }

    /// Inserts keys in order, appending to `isNew` whether each was not yet in the set (nor earlier in `keys`).
    ///
    /// For each window of keys, a first pass only reads each key's slot: the reads are independent, so the
    /// processor overlaps their cache misses instead of waiting for each in turn as single inserts do (this
    /// halves de-duplication time). Windows are small enough that the slots are still cached for the inserts.
    func insert(_ keys: [UInt64], isNew: inout [Bool]) {
        var touched: UInt64 = 0
        for window in stride(from: 0, to: keys.count, by: 512) {
            let range = window..<min(window + 512, keys.count)
            for index in range { touched &+= self.keys[Int(truncatingIfNeeded: keys[index]) & mask] }
            for index in range { isNew.append(insert(keys[index])) }
        }
        sink = touched
    }

    /// Keeps the first pass's reads from being optimised away.
    private var sink: UInt64 = 0

    /// True when the key was not yet in the set.
    @inline(__always)
    func insert(_ value: UInt64) -> Bool {
        let key = value == 0 ? 1 : value
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return false }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        count += 1
        if count * 10 > (mask + 1) * 7 { grow() }
        return true
    }

    private func grow() {
        let (old, oldSlots) = (keys, mask + 1)
        keys = .allocate(capacity: oldSlots * 2)
        keys.initialize(repeating: 0, count: oldSlots * 2)
        mask = oldSlots * 2 - 1
        for i in 0..<oldSlots where old[i] != 0 {
            var slot = Int(truncatingIfNeeded: old[i]) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = old[i]
        }
        old.deallocate()
    }
}

extension Int {
    /// The smallest power of two at least as large (1 for values below 1).
    var nextPowerOfTwo: Int {
        self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount)
    }
}
