import Foundation

/// Writes files below one folder from many threads: checks that each path stays inside it, creates
/// each folder once, and keeps the first failure for the commit to report.
final class FolderWriter: @unchecked Sendable {
    let root: URL
    // Guards `made` and `failure`, which rendering threads share.
    private let lock = NSLock()
    private var made: Set<String> = []
    private var failure: OutputError?

    init(_ root: URL) {
        self.root = root
    }

    /// An empty staging folder beside `target` (`.site.staging`), clearing what a crashed build left
    /// there and beside it (`.site.old`, see `OutputStaging.commit`).
    static func staging(beside target: URL) throws(OutputError) -> FolderWriter {
        let parent = target.deletingLastPathComponent()
        let folder = parent.appendingPathComponent(".\(target.lastPathComponent).staging")
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            for leftover in [folder, retired(target)] where fileManager.fileExists(atPath: leftover.path) {
                try fileManager.removeItem(at: leftover)
            }
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: parent.path, reason: "the output folder could not be prepared: \(error.localizedDescription)")
        }
        return FolderWriter(folder)
    }

    /// Where the old tree waits while a staged one is swapped in.
    static func retired(_ target: URL) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old")
    }

    func keepFailure(_ body: () throws(OutputError) -> Void) {
        do {
            try body()
        } catch {
            lock.withLock { if failure == nil { failure = error } }
        }
    }

    func throwKeptFailure() throws(OutputError) {
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    static func checkInside(_ path: String) throws(OutputError) {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw OutputError(path: path, reason: "refusing to write outside the output folder")
        }
    }

    /// Where `path` goes below the root, once the path is checked and its folder exists.
    func prepare(_ path: String) throws(OutputError) -> URL {
        try Self.checkInside(path)
        let url = root.appendingPathComponent(path)
        try makeFolder(url.deletingLastPathComponent().path)
        return url
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
    func carryOver(_ previous: URL, to url: URL) throws(OutputError) {
        if link(previous.path, url.path) == 0 { return }
        do {
            try FileManager.default.copyItem(at: previous, to: url)
        } catch {
            throw OutputError(path: url.path, reason: "the unchanged file could not be carried over from the last build: \(error.localizedDescription)")
        }
    }

    func writeFile(_ bytes: [UInt8], to path: String) throws(OutputError) {
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
