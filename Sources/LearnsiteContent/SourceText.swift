import Foundation

/// Turning a file's bytes into text and splitting off its front matter.
enum SourceText {
    /// Decodes UTF-8 (dropping a byte-order mark, turning CRLF into LF). Other encodings are refused,
    /// naming the first bad line, rather than guessed and mangled.
    static func decode(_ data: Data, file: String) -> Result<String, Diagnostic> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var line = 1
            for lineBytes in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if String(bytes: lineBytes, encoding: .utf8) == nil { break }
                line += 1
            }
            return .failure(Diagnostic(.error, file: file, line: line,
                "this file is not UTF-8 text (it may have been saved as Windows-1252 or Latin-1); save it again with UTF-8 encoding"))
        }
        let hasCR = bytes.withUnsafeBytes { $0.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }
        return .success(hasCR ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
    }

    struct Split {
        /// YAML between the `---` lines.
        let yaml: String
        let body: String
        /// File line of the first body line.
        let bodyStartLine: Int
    }

    /// Splits `---` front matter from the body. The opening `---` must be the first line.
    static func splitFrontMatter(_ text: String, file: String) -> Result<Split, Diagnostic> {
        let lines = text.utf8
        guard isDelimiter(lines[lines.startIndex...].prefix { $0 != 0x0A }, allowDots: false) else {
            return .failure(Diagnostic(.error, file: file, line: 1,
                "there is no front matter: start the file with a line `---`, then `title:` and `date:` lines, then another `---`"))
        }
        var lineNumber = 1
        var lineStart = lines.firstIndex(of: 0x0A).map { lines.index(after: $0) } ?? lines.endIndex
        let yamlStart = lineStart
        while lineStart < lines.endIndex {
            lineNumber += 1
            let lineEnd = lines[lineStart...].firstIndex(of: 0x0A) ?? lines.endIndex
            if isDelimiter(lines[lineStart..<lineEnd], allowDots: true) {
                let bodyStart = lineEnd < lines.endIndex ? lines.index(after: lineEnd) : lineEnd
                return .success(Split(yaml: String(text[yamlStart..<lineStart]),
                                      body: String(text[bodyStart...]),
                                      bodyStartLine: lineNumber + 1))
            }
            lineStart = lineEnd < lines.endIndex ? lines.index(after: lineEnd) : lineEnd
        }
        return .failure(Diagnostic(.error, file: file, line: 1,
            "the front matter that opens on line 1 is never closed: add a line `---` after its last field"))
    }

    /// `---` (or `...` to close), optionally followed by spaces.
    private static func isDelimiter(_ line: Substring.UTF8View.SubSequence, allowDots: Bool) -> Bool {
        let trimmed = line.reversed().drop { $0 == 0x20 || $0 == 0x09 }
        guard trimmed.count == 3 else { return false }
        return trimmed.allSatisfy { $0 == 0x2D } || (allowDots && trimmed.allSatisfy { $0 == 0x2E })
    }
}
