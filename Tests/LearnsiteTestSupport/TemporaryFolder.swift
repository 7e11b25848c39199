import Foundation

/// A folder under the system's temporary directory, removed when the value is released.
public final class TemporaryFolder: @unchecked Sendable {
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "learnsite-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Absolute path of `relative` inside the folder.
    public func url(_ relative: String) -> String { path + "/" + relative }

    /// Writes text (creating folders), returning the file's path.
    @discardableResult
    public func write(_ relative: String, _ text: String) -> String {
        write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) -> String {
        let file = url(relative)
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    public func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: url(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relative))
    }

    /// A minimal valid content folder: `site.yml` and nothing else; add documents with `write`.
    public static func content(siteYAML: String = "name: Test Safeguarding Children Partnership\nshort_name: TSCP\nbase_url: https://example.org/\n") -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("Content/site.yml", siteYAML)
        return folder
    }
}

/// A Markdown document with front matter, for tests.
public func markdownFile(_ frontMatter: String, body: String = "Some text.\n") -> String {
    "---\n\(frontMatter)\n---\n\(body)"
}
