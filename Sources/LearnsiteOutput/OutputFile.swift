import Foundation

/// One generated file: a path inside the output folder (`bulletins/cse/index.html`) and its bytes.
public struct OutputFile: Sendable, Equatable {
    public let path: String
    public let contents: [UInt8]
    /// The file the last build left at this path in this tree is kept as it is, instead of `contents`.
    public let unchanged: Bool
    /// Already stored, as soon as it was rendered (see `OutputTreeWriter.store`).
    public let isStaged: Bool

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
        unchanged = false
        isStaged = false
    }

    /// The last build's file at `path`, kept.
    public init(unchangedAt path: String) {
        self.path = path
        contents = []
        unchanged = true
        isStaged = false
    }

    /// What stands for `file` in a build's list once it is stored: its path, and whether it was kept.
    init(staged file: OutputFile) {
        path = file.path
        contents = []
        unchanged = file.unchanged
        isStaged = true
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}

/// The output could not be written: which path, and why.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): error: \(reason)" }
}
