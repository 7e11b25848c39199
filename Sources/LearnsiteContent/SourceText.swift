import Foundation

/// Turning a file's bytes into text and splitting off its front matter.
enum SourceText {
    /// The file's bytes, read with one `read` where it can (Foundation's `contents(atPath:)` stats the
    /// file again and copies through `Data`); nil if it cannot be read.
    /// - Parameters:
    ///   - folder: an open folder `path` is relative to (see `OpenFolder`), or the working directory.
    ///   - size: the file's size when the caller has just looked it up, which saves another `fstat`.
    static func bytes(ofFile path: String, in folder: Int32 = AT_FDCWD, size: Int? = nil) -> [UInt8]? {
        let descriptor = openat(folder, path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let known: Int
        if let size {
            known = size
        } else {
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return nil }
            known = Int(info.st_size)
        }
        // One byte more than the size, so a file that grew since is noticed and read to its end. Not
        // zeroed first: filling 53 MB of buffers with zeros was 0.5% of a 10,000-page build.
        let expected = known + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            guard let read = readAll(descriptor, into: UnsafeMutableRawBufferPointer(buffer), enough: known) else { failed = true; return }
            count = read
        }
        guard !failed else { return nil }
        if bytes.count == expected {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                guard let read = chunk.withUnsafeMutableBytes({ readAll(descriptor, into: $0, enough: Int.max) }) else { return nil }
                bytes.append(contentsOf: chunk[..<read])
                if read < chunk.count { break }
            }
        }
        return bytes
    }

    /// Reads until `buffer` is full or the file ends; the count read, or nil on an error. Once `enough`
    /// bytes are in, a short read is taken as the end: a regular file gives less than was asked only
    /// there, and asking again to be told so was a system call per file.
    private static func readAll(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, enough: Int) -> Int? {
        var count = 0
        while count < buffer.count {
            let asked = buffer.count - count
            let read = Glibc.read(descriptor, buffer.baseAddress! + count, asked)
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { return nil }
            if read == 0 { break }
            count += read
            if count >= enough && read < asked { break }
        }
        return count
    }

    /// Decodes UTF-8 (dropping a byte-order mark, turning CRLF into LF). Other encodings are refused,
    /// naming the first bad line, rather than guessed and mangled.
    static func decode(_ data: [UInt8], file: String) -> Result<String, Diagnostic> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var line = 1
            for lineBytes in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if String(validating: lineBytes, as: UTF8.self) == nil { break }
                line += 1
            }
            return .failure(Diagnostic(.error, file: file, line: line,
                "this file is not UTF-8 text (it may have been saved as Windows-1252 or Latin-1); save it again with UTF-8 encoding"))
        }
        let hasCR = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false }
        return .success(hasCR ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
    }

    struct Split {
        /// YAML between the `---` lines.
        let yaml: String
        let body: String
        /// File line of the first body line.
        let bodyStartLine: Int
    }

    /// Splits `---` front matter from the body. The opening `---` must be the first line. Lines are found
    /// with `memchr` on the text's bytes: the generic search through a `Substring`'s UTF-8 was a tenth of
    /// loading a large archive.
    static func splitFrontMatter(_ text: String, file: String) -> Result<Split, Diagnostic> {
        enum Found {
            case noOpening, neverClosed
            case split(yamlStart: Int, yamlEnd: Int, bodyStart: Int, bodyStartLine: Int)
        }
        var text = text
        let found: Found = text.withUTF8 { bytes in
            func lineEnd(from start: Int) -> Int {
                guard start < bytes.count, let newline = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else { return bytes.count }
                return UnsafeRawPointer(bytes.baseAddress!).distance(to: UnsafeRawPointer(newline))
            }
            let firstEnd = lineEnd(from: 0)
            guard isDelimiter(UnsafeBufferPointer(rebasing: bytes[0..<firstEnd]), allowDots: false) else { return .noOpening }
            var lineNumber = 1
            var lineStart = min(firstEnd + 1, bytes.count)
            let yamlStart = lineStart
            while lineStart < bytes.count {
                lineNumber += 1
                let end = lineEnd(from: lineStart)
                if isDelimiter(UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), allowDots: true) {
                    return .split(yamlStart: yamlStart, yamlEnd: lineStart, bodyStart: min(end + 1, bytes.count), bodyStartLine: lineNumber + 1)
                }
                lineStart = min(end + 1, bytes.count)
            }
            return .neverClosed
        }
        switch found {
        case .noOpening:
            return .failure(Diagnostic(.error, file: file, line: 1,
                "there is no front matter: start the file with a line `---`, then `title:` and `date:` lines, then another `---`"))
        case .neverClosed:
            return .failure(Diagnostic(.error, file: file, line: 1,
                "the front matter that opens on line 1 is never closed: add a line `---` after its last field"))
        case .split(let yamlStart, let yamlEnd, let bodyStart, let bodyStartLine):
            // Offsets sit just after newlines, on character boundaries.
            func index(_ offset: Int) -> String.Index { text.utf8.index(text.startIndex, offsetBy: offset) }
            return .success(Split(yaml: String(text[index(yamlStart)..<index(yamlEnd)]), body: String(text[index(bodyStart)...]),
                                  bodyStartLine: bodyStartLine))
        }
    }

    /// `---` (or `...` to close), optionally followed by spaces.
    private static func isDelimiter(_ line: UnsafeBufferPointer<UInt8>, allowDots: Bool) -> Bool {
        var length = line.count
        while length > 0, line[length - 1] == 0x20 || line[length - 1] == 0x09 { length -= 1 }
        guard length == 3 else { return false }
        let mark = line[0]
        return (mark == 0x2D || (allowDots && mark == 0x2E)) && line[1] == mark && line[2] == mark
    }
}
