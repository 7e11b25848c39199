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
///
/// It is most of a large report's memory, so it is kept dense: the keys are spread by their top bits over
/// 64 tables that grow one at a time, by half, when 85% full. Growing one big table by doubling at 70% held
/// 24 MB at its peak for a million keys; this holds 12 MB. A slot is chosen by scaling the key's other bits
/// to the table's size (`multipliedFullWidth`), so sizes need not be powers of two.
final class KeySet {
    private struct Table {
        var keys: UnsafeMutablePointer<UInt64>
        var slots: Int
        var count = 0

        init(slots: Int) {
            keys = .allocate(capacity: slots)
            keys.initialize(repeating: 0, count: slots)
            self.slots = slots
        }

        @inline(__always)
        func home(_ key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &<< UInt64(KeySet.tableBits)).multipliedFullWidth(by: UInt64(slots)).high)
        }
    }

    private static let tableBits = 6
    private let tables: UnsafeMutablePointer<Table>
    private(set) var count = 0

    /// - Parameter capacity: keys it holds before a table grows (growing to a million keys cost 40% on top of inserting them).
    init(capacity: Int = 1024) {
        let slots = max(16, (capacity * 5 / 4) >> KeySet.tableBits)
        tables = .allocate(capacity: 1 << KeySet.tableBits)
        for index in 0..<1 << KeySet.tableBits { (tables + index).initialize(to: Table(slots: slots)) }
    }

    deinit {
        for index in 0..<1 << KeySet.tableBits { tables[index].keys.deallocate() }
        tables.deinitialize(count: 1 << KeySet.tableBits)
        tables.deallocate()
    }

    @inline(__always)
    private func table(_ key: UInt64) -> UnsafeMutablePointer<Table> { tables + Int(key >> (64 - UInt64(KeySet.tableBits))) }

    /// Inserts keys in order, appending to `isNew` whether each was not yet in the set (nor earlier in `keys`).
    ///
    /// For each window of keys, a first pass only reads each key's slot: the reads are independent, so the
    /// processor overlaps their cache misses instead of waiting for each in turn as single inserts do (this
    /// halves de-duplication time). Windows are small enough that the slots are still cached for the inserts.
    func insert(_ keys: [UInt64], isNew: inout [Bool]) {
        var touched: UInt64 = 0
        for window in stride(from: 0, to: keys.count, by: 512) {
            let range = window..<min(window + 512, keys.count)
            for index in range {
                let table = table(keys[index]).pointee
                touched &+= table.keys[table.home(keys[index])]
            }
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
        let table = table(key)
        let (keys, slots) = (table.pointee.keys, table.pointee.slots)
        var slot = table.pointee.home(key)
        while keys[slot] != 0 {
            if keys[slot] == key { return false }
            slot = slot + 1 == slots ? 0 : slot + 1
        }
        keys[slot] = key
        count += 1
        table.pointee.count += 1
        if table.pointee.count * 20 > slots * 17 { grow(table) }
        return true
    }

    private func grow(_ table: UnsafeMutablePointer<Table>) {
        let old = table.pointee
        var new = Table(slots: old.slots + old.slots / 2)
        new.count = old.count
        for i in 0..<old.slots where old.keys[i] != 0 {
            var slot = new.home(old.keys[i])
            while new.keys[slot] != 0 { slot = slot + 1 == new.slots ? 0 : slot + 1 }
            new.keys[slot] = old.keys[i]
        }
        old.keys.deallocate()
        table.pointee = new
    }
}

extension Int {
    /// The smallest power of two at least as large (1 for values below 1).
    var nextPowerOfTwo: Int {
        self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount)
    }
}
