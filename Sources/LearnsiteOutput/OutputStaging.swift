import Foundation

/// One generated file: a path inside the output folder (`bulletins/cse/index.html`) and its bytes.
public struct OutputFile: Sendable, Equatable {
    public let path: String
    public let contents: [UInt8]
    /// A file of the previous build to carry over unchanged (hard-linked, else copied) instead of `contents`.
    public let reusing: URL?
    /// Already in the staging folder, written as soon as it was rendered (see `OutputStaging.store`).
    public let isStaged: Bool

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
        reusing = nil
        isStaged = false
    }

    public init(path: String, reusing previous: URL) {
        self.path = path
        contents = []
        reusing = previous
        isStaged = false
    }

    /// What stands for `file` in a build's list once it is staged: its path, and what it reused.
    init(staged file: OutputFile) {
        path = file.path
        contents = []
        reusing = file.reusing
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

/// The staging folder of one output tree. Pages can be stored into it from any thread as soon as they
/// are rendered, so a large site never has to be held in memory whole; `commit` swaps it into place.
public final class OutputStaging: @unchecked Sendable {
    private let target: URL
    private let folder: URL
    private let retired: URL
    // Guards `made` and `failure`, which rendering threads share.
    private let lock = NSLock()
    private var made: Set<String> = []
    private var failure: OutputError?

    /// Prepares an empty staging folder beside `destination`, clearing what a crashed build left.
    public init(_ destination: String) throws(OutputError) {
        target = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        folder = parent.appendingPathComponent(".\(target.lastPathComponent).staging")
        retired = parent.appendingPathComponent(".\(target.lastPathComponent).old")
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            for leftover in [folder, retired] where fileManager.fileExists(atPath: leftover.path) {
                try fileManager.removeItem(at: leftover)
            }
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: parent.path, reason: "the output folder could not be prepared: \(error.localizedDescription)")
        }
    }

    /// Writes `file` now and returns what stands for it in the file list. A failure is kept and thrown
    /// by `commit`, which then drops the staged tree.
    public func store(_ file: OutputFile) -> OutputFile {
        do {
            try write(file)
        } catch {
            lock.withLock { if failure == nil { failure = error } }
        }
        return OutputFile(staged: file)
    }

    /// Writes the files not stored yet, runs `finishing` and swaps the staged tree into place; on any
    /// failure the staged tree is removed and the old one stays.
    /// - Parameter finishing: runs with the staging folder and the current destination, to add what is
    ///   made from staged files (the handouts' PDFs, the search index).
    public func commit(_ files: [OutputFile],
                       finishing: (_ staging: URL, _ current: URL) throws(OutputError) -> Void = { _, _ in }) throws(OutputError) {
        let fileManager = FileManager.default
        do throws(OutputError) {
            if let failure { throw failure }
            for file in files where !file.isStaged { try write(file) }
            try finishing(folder, target)
        } catch {
            try? fileManager.removeItem(at: folder)
            throw error
        }
        let hadOld = fileManager.fileExists(atPath: target.path)
        if hadOld, rename(target.path, retired.path) != 0 {
            try? fileManager.removeItem(at: folder)
            throw OutputError(path: target.path, reason: "the old output could not be moved aside: \(String(cString: strerror(errno)))")
        }
        if rename(folder.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(retired.path, target.path) }
            try? fileManager.removeItem(at: folder)
            throw OutputError(path: target.path, reason: "the new output could not be moved into place: \(reason)")
        }
        if hadOld { try? fileManager.removeItem(at: retired) }
    }

    private func write(_ file: OutputFile) throws(OutputError) {
        guard !file.path.isEmpty, !file.path.hasPrefix("/"), !file.path.split(separator: "/").contains("..") else {
            throw OutputError(path: file.path, reason: "refusing to write outside the output folder")
        }
        let url = folder.appendingPathComponent(file.path)
        try makeFolder(url.deletingLastPathComponent().path)
        if let previous = file.reusing {
            try carryOver(previous, to: url)
        } else {
            try writeFile(file.contents, to: url.path)
        }
    }

    /// Creates each folder once, whichever thread asks first.
    private func makeFolder(_ directory: String) throws(OutputError) {
        lock.lock()
        defer { lock.unlock() }
        guard !made.contains(directory) else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: directory, reason: "the folder could not be created: \(error.localizedDescription)")
        }
        made.insert(directory)
    }

    /// A hard link costs one system call and no copying; across file systems, copy instead.
    private func carryOver(_ previous: URL, to url: URL) throws(OutputError) {
        if link(previous.path, url.path) == 0 { return }
        do {
            try FileManager.default.copyItem(at: previous, to: url)
        } catch {
            throw OutputError(path: url.path, reason: "the unchanged file could not be carried over from the last build: \(error.localizedDescription)")
        }
    }

    private func writeFile(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: "the file could not be created: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            guard written > 0 else {
                throw OutputError(path: path, reason: "the file could not be written: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
