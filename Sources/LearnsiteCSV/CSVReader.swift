import CCSVScan
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams RFC 4180 records from a file, one at a time, without ever holding the whole file.
///
/// It reads the file in large chunks and works on bytes, so a record costs no allocation. Most records lie
/// inside one chunk and have no `""` escapes: their fields point straight into the chunk (the fast path,
/// which finds the bytes it must stop at 64 at a time). The others, split across chunks or escaped, are
/// copied un-escaped into a reusable buffer by a byte-at-a-time state machine (the slow path).
///
/// It accepts what spreadsheets and booking systems export: a UTF-8 byte-order mark, `,` or `;` (whichever
/// the header line uses more), CRLF, LF or CR line ends, and quoted fields holding delimiters, `""` and line
/// breaks. Like Python's `csv` module it is lenient with stray quotes: a quote inside an unquoted field, or
/// text after a closing quote, is kept as written.
public final class CSVReader {
    /// Why the current record cannot be trusted.
    public enum Problem: Sendable, Equatable {
        /// A quoted field was still open at the end of the file: everything after its quote is in it.
        case unclosedQuote
        /// The record is longer than `maxRecordBytes`; the rest of it was skipped, not stored.
        case tooLong
    }

    public struct OpenError: Error, Sendable {
        public let path: String
        public let reason: String
    }

    /// The reader's mutable state. It lives behind a pointer because the hot loop would otherwise pay
    /// Swift's run-time exclusivity check on every access to a class property (about a sixth of the time).
    private struct State {
        var start = 0
        var end = 0
        var atEOF = false
        var nextLine = 1
        /// The previous record ended with CR: an LF straight after it is part of the same line end.
        var pendingLF = false
        var line = 0
        var endLine = 0
        var problem: Problem?
        var readError: String?
        /// Field `i` is `base[starts[i]..<ends[i]]`: in the chunk (fast path) or in `record` (slow path).
        var base: UnsafePointer<UInt8>
        var starts: UnsafeMutablePointer<Int>
        var ends: UnsafeMutablePointer<Int>
        var fieldCapacity = 64
        var fieldCount = 0
        var record: UnsafeMutablePointer<UInt8>
        var recordCapacity: Int
        var recordLength = 0
    }

    private enum Machine { case fieldStart, unquoted, quoted, quoteInQuoted }

    public let path: String
    /// `,` or `;`, chosen from the header line.
    public let delimiter: UInt8
    private let fd: Int32
    private let input: UnsafeMutablePointer<UInt8>
    private let inputSize: Int
    private let maxRecordBytes: Int
    private let s: UnsafeMutablePointer<State>

    /// Physical line (1-based) on which the current record starts.
    public var line: Int { s.pointee.line }
    /// Physical line on which the current record ends (later than `line` when a quoted field holds line breaks).
    public var endLine: Int { s.pointee.endLine }
    public var fieldCount: Int { s.pointee.fieldCount }
    public var problem: Problem? { s.pointee.problem }
    /// Why reading stopped early (the file is a folder, a disk error): the rest of the file was not read.
    public var readError: String? { s.pointee.readError }

    /// - Parameters:
    ///   - bufferSize: bytes read from the file at a time (small values exercise chunk boundaries in tests).
    ///   - maxRecordBytes: a longer record is reported as `.tooLong` rather than held, so a stray opening
    ///     quote cannot make the reader take the rest of a large file into memory.
    public init(path: String, bufferSize: Int = 1 << 20, maxRecordBytes: Int = 1 << 20) throws(OpenError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw OpenError(path: path, reason: String(cString: strerror(errno))) }
        let sniffed = CSVReader.sniff(fd)
        guard lseek(fd, off_t(sniffed.bomLength), SEEK_SET) >= 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw OpenError(path: path, reason: reason)
        }
        self.fd = fd
        delimiter = sniffed.delimiter
        inputSize = max(1, bufferSize)
        // The fast path reads 64 bytes at a time, so it may read up to 64 bytes past the chunk's end.
        input = .allocate(capacity: inputSize + 64)
        input.initialize(repeating: 0, count: inputSize + 64)
        self.maxRecordBytes = max(1, maxRecordBytes)
        let recordCapacity = min(4096, self.maxRecordBytes)
        let record = UnsafeMutablePointer<UInt8>.allocate(capacity: recordCapacity)
        s = .allocate(capacity: 1)
        s.initialize(to: State(base: UnsafePointer(record), starts: .allocate(capacity: 64), ends: .allocate(capacity: 64),
                               record: record, recordCapacity: recordCapacity))
    }

    deinit {
        close(fd)
        input.deallocate()
        s.pointee.record.deallocate()
        s.pointee.starts.deallocate()
        s.pointee.ends.deallocate()
        s.deinitialize(count: 1)
        s.deallocate()
    }

    /// The bytes of field `index` of the current record (valid until the next call to `next()`).
    @inline(__always)
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let from = s.pointee.starts[index]
        return UnsafeBufferPointer(start: s.pointee.base + from, count: s.pointee.ends[index] - from)
    }

    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// Reads the next record; false at the end of the file. A blank line is a record of one empty field.
    public func next() -> Bool {
        s.pointee.problem = nil
        if s.pointee.pendingLF {
            guard s.pointee.start < s.pointee.end || refill() else { return false }
            if input[s.pointee.start] == 10 { s.pointee.start += 1 }
            s.pointee.pendingLF = false
        }
        guard s.pointee.start < s.pointee.end || refill() else { return false }
        s.pointee.line = s.pointee.nextLine
        if !fastRecord() { slowRecord() }
        return true
    }

    /// Reads a record lying wholly in the chunk with no `""` escapes, leaving its fields in place;
    /// false, having changed nothing, when the record needs the slow path.
    @inline(__always)
    private func fastRecord() -> Bool {
        let bytes = UnsafePointer(input)
        let limit = s.pointee.end
        let delimiter = self.delimiter
        var starts = s.pointee.starts
        var ends = s.pointee.ends
        var p = s.pointee.start
        var fields = 0
        var newLines = 0
        // Where the delimiters, quotes and line ends from `p` on lie: one bit per byte of the 64 from `block`.
        var block = p
        var stops = structure(bytes, at: block, limit: limit)
        /// The next of them, taken off `stops`; nil when the chunk ends first.
        func nextStop() -> Int? {
            while stops == 0 {
                block += 64
                guard block < limit else { return nil }
                stops = structure(bytes, at: block, limit: limit)
            }
            defer { stops &= stops &- 1 }
            return block + stops.trailingZeroBitCount
        }
        while true {
            if fields == s.pointee.fieldCapacity {
                growFields()
                starts = s.pointee.starts
                ends = s.pointee.ends
            }
            guard p < limit else { return false }
            let terminator: UInt8
            if bytes[p] == 34 {
                // A quoted field: find its closing quote, past delimiters, counting line breaks inside it.
                _ = nextStop()  // the opening quote, at `p`
                var q: Int
                var lastCR = -1
                while true {
                    guard let stop = nextStop() else { return false }
                    q = stop
                    let b = bytes[q]
                    if b == 34 { break }
                    if b == delimiter { continue }
                    // CR, LF and CRLF are each one line break.
                    if b == 13 || lastCR != q - 1 { newLines += 1 }
                    if b == 13 { lastCR = q }
                }
                // Straight after it, a delimiter or line end; `""` or other text is the slow path's.
                guard nextStop() == q + 1, bytes[q + 1] != 34 else { return false }
                terminator = bytes[q + 1]
                starts[fields] = p + 1
                ends[fields] = q
                p = q + 2
            } else {
                // The next delimiter or line end; a quote inside an unquoted field is kept as written.
                var j: Int
                repeat {
                    guard let stop = nextStop() else { return false }
                    j = stop
                } while bytes[j] == 34
                terminator = bytes[j]
                starts[fields] = p
                ends[fields] = j
                p = j + 1
            }
            fields += 1
            if terminator == delimiter { continue }
            if terminator == 13 {
                if p < limit {
                    if bytes[p] == 10 { p += 1 }
                } else {
                    s.pointee.pendingLF = true
                }
            }
            s.pointee.base = bytes
            s.pointee.fieldCount = fields
            s.pointee.start = p
            s.pointee.endLine = s.pointee.nextLine + newLines
            s.pointee.nextLine += newLines + 1
            return true
        }
    }

    /// The delimiters, quotes and line ends among the 64 bytes from `block`, as bits, leaving out bytes
    /// from `limit` on.
    @inline(__always)
    private func structure(_ bytes: UnsafePointer<UInt8>, at block: Int, limit: Int) -> UInt64 {
        guard block < limit else { return 0 }
        let stops = learnsite_csv_structure(bytes + block, delimiter)
        return limit - block >= 64 ? stops : stops & (1 << UInt64(limit - block) - 1)
    }

    /// Reads one record byte by byte, across chunks, copying its fields un-escaped into `record`.
    private func slowRecord() {
        s.pointee.recordLength = 0
        s.pointee.fieldCount = 0
        s.pointee.base = UnsafePointer(s.pointee.record)
        let delimiter = self.delimiter
        var machine = Machine.fieldStart
        // Inside a quoted field, whether the last byte was CR (so a following LF is not a second line).
        var quotedCR = false
        while true {
            if s.pointee.start == s.pointee.end && !refill() {
                if machine == .quoted { s.pointee.problem = .unclosedQuote }
                endField()
                s.pointee.endLine = s.pointee.nextLine
                return
            }
            let bytes = input
            let limit = s.pointee.end
            var i = s.pointee.start
            switch machine {
            case .fieldStart:
                if bytes[i] == 34 {
                    i += 1
                    quotedCR = false
                    machine = .quoted
                } else {
                    machine = .unquoted
                }
            case .unquoted:
                var j = i
                while j < limit {
                    let b = bytes[j]
                    if b == delimiter || b == 10 || b == 13 { break }
                    j += 1
                }
                append(bytes + i, j - i)
                i = j
                if j < limit {
                    s.pointee.start = j + 1
                    if endFieldAt(bytes[j]) { return }
                    machine = .fieldStart
                    continue
                }
            case .quoted:
                var j = i
                while j < limit {
                    let b = bytes[j]
                    if b == 34 { break }
                    if b == 13 || (b == 10 && !quotedCR) { s.pointee.nextLine += 1 }
                    quotedCR = b == 13
                    j += 1
                }
                append(bytes + i, j - i)
                i = j
                if j < limit {
                    i += 1
                    machine = .quoteInQuoted
                }
            case .quoteInQuoted:
                let b = bytes[i]
                if b == 34 {
                    append(bytes + i, 1)
                    i += 1
                    quotedCR = false
                    machine = .quoted
                } else if b == delimiter || b == 10 || b == 13 {
                    s.pointee.start = i + 1
                    if endFieldAt(b) { return }
                    machine = .fieldStart
                    continue
                } else {
                    // `"ab"c`: text after the closing quote is kept, as Python's csv module does.
                    machine = .unquoted
                }
            }
            s.pointee.start = i
        }
    }

    /// Ends the field at a delimiter or line end; true when that also ends the record.
    private func endFieldAt(_ terminator: UInt8) -> Bool {
        endField()
        if terminator == delimiter { return false }
        s.pointee.endLine = s.pointee.nextLine
        s.pointee.nextLine += 1
        s.pointee.pendingLF = terminator == 13
        return true
    }

    private func endField() {
        let index = s.pointee.fieldCount
        if index == s.pointee.fieldCapacity { growFields() }
        s.pointee.starts[index] = index == 0 ? 0 : s.pointee.ends[index - 1]
        s.pointee.ends[index] = s.pointee.recordLength
        s.pointee.fieldCount = index + 1
    }

    private func growFields() {
        let capacity = s.pointee.fieldCapacity
        for keyPath in [\State.starts, \State.ends] {
            let larger = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
            larger.update(from: s.pointee[keyPath: keyPath], count: capacity)
            s.pointee[keyPath: keyPath].deallocate()
            s.pointee[keyPath: keyPath] = larger
        }
        s.pointee.fieldCapacity = capacity * 2
    }

    private func append(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        guard count > 0 else { return }
        let length = s.pointee.recordLength
        let needed = length + count
        if needed > s.pointee.recordCapacity {
            guard needed <= maxRecordBytes else {
                s.pointee.problem = .tooLong
                return
            }
            var capacity = s.pointee.recordCapacity
            while capacity < needed { capacity *= 2 }
            capacity = min(capacity, maxRecordBytes)
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            larger.update(from: s.pointee.record, count: length)
            s.pointee.record.deallocate()
            s.pointee.record = larger
            s.pointee.base = UnsafePointer(larger)
            s.pointee.recordCapacity = capacity
        }
        (s.pointee.record + length).update(from: bytes, count: count)
        s.pointee.recordLength = needed
    }

    private func refill() -> Bool {
        guard !s.pointee.atEOF else { return false }
        var count: Int
        repeat { count = read(fd, input, inputSize) } while count < 0 && errno == EINTR
        s.pointee.start = 0
        s.pointee.end = max(0, count)
        if count < 0 { s.pointee.readError = String(cString: strerror(errno)) }
        if count <= 0 { s.pointee.atEOF = true }
        return count > 0
    }

    /// The byte-order mark's length and the header line's delimiter, read from the start of the file.
    private static func sniff(_ fd: Int32) -> (bomLength: Int, delimiter: UInt8) {
        let size = 64 * 1024
        let head = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { head.deallocate() }
        var count: Int
        repeat { count = pread(fd, head, size, 0) } while count < 0 && errno == EINTR
        let bytes = UnsafeBufferPointer(start: head, count: max(0, count))
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var commas = 0, semicolons = 0, quoted = false
        for b in bytes.dropFirst(bom) {
            if b == 34 { quoted.toggle() }
            if quoted { continue }
            if b == 10 || b == 13 { break }
            if b == 44 { commas += 1 } else if b == 59 { semicolons += 1 }
        }
        return (bom, semicolons > commas ? 59 : 44)
    }
}
