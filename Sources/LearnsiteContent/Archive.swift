import Foundation

/// A compact binary form for what a build keeps for the next one (the build cache). Only the same
/// release reads it back (the cache's format number changes with it), so there is no schema to
/// evolve; a damaged or truncated archive fails to read and the build simply starts afresh.
/// Values are little-endian 64-bit words, one-byte flags, and strings as a length and UTF-8 bytes; a
/// string of 16 bytes or more that was written before is written as its number instead.
/// JSON took 0.2 s to read and 0.2 s to write for a 10,000-page site, the whole budget of a rebuild.
public struct ArchiveWriter {
    /// Where the bytes go: kept in memory, written to an open file, or only fingerprinted (the last two
    /// a buffer at a time, so a large archive is never in memory whole).
    private enum Sink {
        case memory
        case file(Int32)
        case fingerprint
    }

    private var sink: Sink
    private let buffer: Buffer
    /// Long strings written so far, by number. Documents repeat many (an audience, an author, a cited
    /// reference): two thirds of a 10,000-page site's, so reading the cache allocated each thousands of
    /// times. Nil when only fingerprinting, which need not be read back.
    private var numbers: StringNumbers?
    private var failed = false
    public private(set) var fingerprint = Fingerprint()

    /// Keeps every byte, in `bytes`.
    /// - Parameter capacity: bytes to reserve at once. Memory reserved and never written is never touched,
    ///   so a generous guess costs nothing, where growing by doubling touched and copied each size on the way.
    public init(reservingCapacity capacity: Int? = nil) {
        sink = .memory
        numbers = StringNumbers()
        buffer = capacity.map(Buffer.init(capacity:)) ?? Buffer()
    }

    /// Writes to an open file as the buffer fills; call `finish` at the end.
    public init(file descriptor: Int32) {
        sink = .file(descriptor)
        numbers = StringNumbers()
        buffer = Buffer()
    }

    /// Keeps only the `fingerprint` of what is written; call `finish` at the end.
    public static func fingerprinting() -> ArchiveWriter {
        ArchiveWriter(sink: .fingerprint)
    }

    private init(sink: Sink) {
        self.sink = sink
        buffer = Buffer()
    }

    public var bytes: [UInt8] { Array(buffer.contents) }

    /// What was kept in memory, without copying it.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        body(buffer.contents)
    }

    /// Writes every string in full from now on: for strings known to be unique (file paths), looking each
    /// up among those written before is wasted. (The reader needs no telling.)
    public mutating func stopSharingStrings() {
        numbers = nil
    }

    /// Moves what was kept in memory to an open file, and goes on writing there; call `finish` at the end.
    public mutating func `continue`(in descriptor: Int32) {
        sink = .file(descriptor)
        flush()
    }

    /// Writes or fingerprints what is buffered; false if any write to the file failed.
    public mutating func finish() -> Bool {
        flush()
        return !failed
    }

    private mutating func flush() {
        switch sink {
        case .memory:
            return
        case .fingerprint:
            fingerprint.add(buffer: buffer.contents)
        case .file(let descriptor):
            var offset = 0
            while offset < buffer.count, !failed {
                let written = Foundation.write(descriptor, buffer.base + offset, buffer.count - offset)
                if written <= 0 { failed = true } else { offset += written }
            }
        }
        buffer.count = 0
    }

    public mutating func write<Value: Archivable>(_ value: Value) {
        value.archive(into: &self)
    }

    /// Writes bytes archived on their own (by another writer) as one part, read back whole with
    /// `ArchiveReader.part()`: copied, not archived again.
    public mutating func write(part bytes: UnsafeRawBufferPointer) {
        append(word: UInt64(bytes.count))
        append(bytes: bytes)
        flushIfFull()
    }

    mutating func append(word: UInt64) {
        buffer.reserve(8)
        buffer.base.storeBytes(of: word.littleEndian, toByteOffset: buffer.count, as: UInt64.self)
        buffer.count += 8
    }

    mutating func append(byte: UInt8) {
        buffer.reserve(1)
        buffer.base.storeBytes(of: byte, toByteOffset: buffer.count, as: UInt8.self)
        buffer.count += 1
    }

    mutating func append(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            if bytes.count >= ArchiveReader.sharedLength, numbers != nil, let number = numbers!.number(of: text, bytes: bytes) {
                append(word: number << 1 | 1)
                return
            }
            append(word: UInt64(bytes.count) << 1)
            append(bytes: bytes)
        }
        flushIfFull()
    }

    private mutating func append(bytes: UnsafeRawBufferPointer) {
        buffer.reserve(bytes.count)
        if let source = bytes.baseAddress { (buffer.base + buffer.count).copyMemory(from: source, byteCount: bytes.count) }
        buffer.count += bytes.count
    }

    /// Writing to a file, a buffer at a time.
    private mutating func flushIfFull() {
        if case .memory = sink { return }
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Growable raw bytes: appending through `Array` cost more than all else in writing the cache.
    private final class Buffer {
        var base: UnsafeMutableRawPointer
        var count = 0
        private var capacity: Int

        /// Enough for the archives made in passing (a chunk of the cache, a fingerprint's input).
        static let defaultCapacity = 1 << 16

        init(capacity: Int = defaultCapacity) {
            self.capacity = max(capacity, 64)
            base = .allocate(byteCount: self.capacity, alignment: 8)
        }

        deinit {
            base.deallocate()
        }

        var contents: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

        @inline(__always) func reserve(_ extra: Int) {
            guard count + extra > capacity else { return }
            while count + extra > capacity { capacity *= 2 }
            let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
            grown.copyMemory(from: base, byteCount: count)
            base.deallocate()
            base = grown
        }
    }
}

/// The numbers of the long strings an archive has written, by their UTF-8 bytes (Swift's `==` holds
/// canonically equivalent spellings equal, and the archive must give back exactly what it was given).
/// An open-addressed table of hashes: with a `Dictionary` of strings, writing the cache took twice as long.
private struct StringNumbers {
    /// Each slot: a string's number plus one in the low 32 bits, the top 32 bits of its hash above; 0 when
    /// free. A slot is found from the hash's top bits, so growing never hashes a string again.
    /// Small at first, as a chunk of a cache holds few strings (see `grow`).
    private var slots = [UInt64](repeating: 0, count: 1 << 10)
    private var shift = 64 - 10
    private var texts: [String] = []

    /// For 8 bytes or more (strings this table sees have 16 or more): the last word overlaps the one before.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 < bytes.count {
            hash = (hash ^ word(offset)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        hash = (hash ^ word(bytes.count - 8)) &* 0x94D0_49BB_1331_11EB
        return hash ^ hash >> 29
    }

    /// The number of `bytes` (of `text`) if they were written before; otherwise nil, and they get the next number.
    mutating func number(of text: String, bytes: UnsafeRawBufferPointer) -> UInt64? {
        let tag = Self.hash(bytes) & ~0xFFFF_FFFF
        var slot = Int(tag >> shift)
        while slots[slot] != 0 {
            let number = Int(slots[slot] & 0xFFFF_FFFF) - 1
            if slots[slot] & ~0xFFFF_FFFF == tag, texts[number].utf8.withContiguousStorageIfAvailable({
                $0.count == bytes.count && memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
            }) == true {
                return UInt64(number)
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = tag | UInt64(texts.count + 1)
        texts.append(text)
        if texts.count * 2 > slots.count { grow() }
        return nil
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        shift -= 1
        for entry in old where entry != 0 {
            var slot = Int(entry >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = entry
        }
    }
}

/// The archive ended early or held a value this release cannot have written.
public struct ArchiveError: Error, Sendable {
    public init() {}
}

/// Sendable: its memory is only ever read, and each copy keeps its own position and strings.
public struct ArchiveReader: @unchecked Sendable {
    /// Keeps `bytes` valid while the reader lives.
    private let storage: Storage
    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    /// Long strings read so far, by number (see `ArchiveWriter.numbers`).
    private var strings: [String] = []

    public init(_ bytes: [UInt8]) {
        self.init(Storage(copying: bytes))
    }

    /// A file's bytes, mapped rather than read: reading the cache of a 10,000-page site copied 18 MB
    /// into fresh memory, a tenth of a rebuild. Nil if the file cannot be opened or mapped. The file must
    /// never be rewritten in place while read (the build cache is only replaced by renaming a new file
    /// over it, which leaves the mapped one whole).
    public init?(mapping path: String) {
        guard let storage = Storage(mapping: path) else { return nil }
        self.init(storage)
    }

    private init(_ storage: Storage) {
        self.init(storage, bytes: storage.bytes)
    }

    private init(_ storage: Storage, bytes: UnsafeRawBufferPointer) {
        self.storage = storage
        self.bytes = bytes
    }

    /// A part written with `ArchiveWriter.write(part:)`: its bytes, in this archive's memory (see `memory`).
    public mutating func part() throws(ArchiveError) -> UnsafeRawBufferPointer {
        let count = try count()
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
    }

    /// A reader of a part's bytes, with shared strings of its own (as its writer had).
    public func reader(of part: UnsafeRawBufferPointer) -> ArchiveReader {
        ArchiveReader(storage, bytes: part)
    }

    /// Keeps the archive's memory, and so its parts' bytes, while held.
    public var memory: AnyObject { storage }

    /// Memory the reader owns: a copy of an array's bytes, or a mapped file. Values read are copied
    /// out of it, so it goes when the reader does.
    private final class Storage {
        let bytes: UnsafeRawBufferPointer
        private let mapped: Bool

        init(copying array: [UInt8]) {
            let base = UnsafeMutableRawBufferPointer.allocate(byteCount: array.count, alignment: 8)
            array.withUnsafeBytes { base.copyMemory(from: $0) }
            bytes = UnsafeRawBufferPointer(base)
            mapped = false
        }

        init?(mapping path: String) {
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return nil }
            let size = Int(info.st_size)
            guard size > 0 else {
                bytes = UnsafeRawBufferPointer(start: nil, count: 0)
                mapped = false
                return
            }
            // MAP_POPULATE maps every page at once, not one fault per page as the reader reaches it.
            guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), base != MAP_FAILED else {
                return nil
            }
            bytes = UnsafeRawBufferPointer(start: base, count: size)
            mapped = true
        }

        deinit {
            guard let base = bytes.baseAddress else { return }
            if mapped { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) } else { base.deallocate() }
        }
    }

    public var isAtEnd: Bool { position == bytes.count }

    public mutating func read<Value: Archivable>(_ type: Value.Type = Value.self) throws(ArchiveError) -> Value {
        try Value(from: &self)
    }

    mutating func word() throws(ArchiveError) -> UInt64 {
        guard bytes.count - position >= 8 else { throw ArchiveError() }
        defer { position += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    mutating func byte() throws(ArchiveError) -> UInt8 {
        guard position < bytes.count else { throw ArchiveError() }
        defer { position += 1 }
        return bytes[position]
    }

    /// A count of things still to read, each taking at least one byte: a damaged count cannot ask for
    /// more memory than the archive's own size.
    public mutating func count() throws(ArchiveError) -> Int {
        let count = try word()
        guard count <= UInt64(bytes.count - position) else { throw ArchiveError() }
        return Int(count)
    }

    /// Strings this long are kept out of line by Swift; shorter ones cost nothing to read again.
    static let sharedLength = 16

    mutating func string() throws(ArchiveError) -> String {
        let word = try word()
        if word & 1 == 1 {
            guard word >> 1 < UInt64(strings.count) else { throw ArchiveError() }
            return strings[Int(word >> 1)]
        }
        guard word >> 1 <= UInt64(bytes.count - position) else { throw ArchiveError() }
        let length = Int(word >> 1)
        defer { position += length }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]).assumingMemoryBound(to: UInt8.self),
                          as: UTF8.self)
        if length >= Self.sharedLength { strings.append(text) }
        return text
    }
}

/// A value that can go into the build cache.
public protocol Archivable {
    func archive(into writer: inout ArchiveWriter)
    init(from reader: inout ArchiveReader) throws(ArchiveError)
}

extension String: Archivable {
    public func archive(into writer: inout ArchiveWriter) { writer.append(self) }
    public init(from reader: inout ArchiveReader) throws(ArchiveError) { self = try reader.string() }
}

extension UInt64: Archivable {
    public func archive(into writer: inout ArchiveWriter) { writer.append(word: self) }
    public init(from reader: inout ArchiveReader) throws(ArchiveError) { self = try reader.word() }
}

extension Int: Archivable {
    public func archive(into writer: inout ArchiveWriter) { writer.append(word: UInt64(bitPattern: Int64(self))) }
    public init(from reader: inout ArchiveReader) throws(ArchiveError) { self = Int(Int64(bitPattern: try reader.word())) }
}

extension Bool: Archivable {
    public func archive(into writer: inout ArchiveWriter) { writer.append(byte: self ? 1 : 0) }
    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        switch try reader.byte() {
        case 0: self = false
        case 1: self = true
        default: throw ArchiveError()
        }
    }
}

extension Optional: Archivable where Wrapped: Archivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(self != nil)
        if let self { writer.write(self) }
    }

    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self = try reader.read(Bool.self) ? try reader.read(Wrapped.self) : nil
    }
}

extension Array: Archivable where Element: Archivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.append(word: UInt64(count))
        for element in self { writer.write(element) }
    }

    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        let count = try reader.count()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try reader.read(Element.self)) }
    }
}

extension Dictionary: Archivable where Key: Archivable, Value: Archivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.append(word: UInt64(count))
        for (key, value) in self {
            writer.write(key)
            writer.write(value)
        }
    }

    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        let count = try reader.count()
        self = Dictionary(minimumCapacity: count)
        for _ in 0..<count { self[try reader.read(Key.self)] = try reader.read(Value.self) }
    }
}
