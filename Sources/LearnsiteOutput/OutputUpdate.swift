import Foundation

/// Updates a tree in place, for a rebuild in which few files changed: staging a whole new tree meant
/// hard-linking 20,000 unchanged files of a 10,000-page site and deleting the old ones, which cost
/// more than a rebuild may take. Unchanged files are not touched at all, and a rendered file whose
/// bytes are already there is left alone too.
///
/// Changed files are written into the staging folder first; only when every one is written does
/// `commit` remove the files the new tree no longer has and rename the new ones into place. So a
/// failed build changes nothing, and each file is replaced whole; while the commit runs (a few
/// renames), a reader may see some pages new and others still old.
public final class OutputUpdate: OutputTreeWriter, @unchecked Sendable {
    private let target: URL
    /// Every file of the tree as it stands (the last build's file list).
    private let previous: [String]
    private let staging: FolderWriter
    private let live: FolderWriter
    private let lock = NSLock()
    /// Staged files: their path in the tree and their name in the staging folder; guarded by `lock`.
    private var staged: [(path: String, file: String)] = []

    /// - Parameter previous: the files the tree holds now, relative to it, as the last build wrote them.
    public init(_ destination: String, previous: [String]) throws(OutputError) {
        target = URL(fileURLWithPath: destination).standardizedFileURL
        self.previous = previous
        staging = try FolderWriter.staging(beside: target)
        live = FolderWriter(target)
    }

    public func store(_ file: OutputFile) -> OutputFile {
        staging.keepFailure { () throws(OutputError) in try write(file) }
        return OutputFile(staged: file)
    }

    public func commit(_ files: [OutputFile]) throws(OutputError) {
        let fileManager = FileManager.default
        do throws(OutputError) {
            try staging.throwKeptFailure()
            for file in files where !file.isStaged { try write(file) }
        } catch {
            try? fileManager.removeItem(at: staging.root)
            throw error
        }
        // Stale files go first, so a new file may take the place of a removed folder. A rebuild usually
        // makes the same files in the same order: then there are none (hashing 10,000 paths took 5 ms).
        let samePaths = files.count == previous.count && zip(files, previous).allSatisfy { $0.path == $1 }
        if !samePaths {
            let kept = Set(files.map(\.path))
            for path in previous where !kept.contains(path) {
                let url = target.appendingPathComponent(path)
                unlink(url.path)
                removeEmptyFolders(above: url)
            }
        }
        for (path, file) in staged {
            try live.prepare(path)
            let failed = live.move(staging.whole(file), to: path)
            guard failed == 0 else {
                let reason = String(cString: strerror(failed))
                try? fileManager.removeItem(at: staging.root)
                throw OutputError(path: live.whole(path), reason: "the new file could not be moved into place: \(reason)")
            }
        }
        try? fileManager.removeItem(at: staging.root)
    }

    private func write(_ file: OutputFile) throws(OutputError) {
        guard !file.unchanged else { return }
        try FolderWriter.checkInside(file.path)
        if Self.holds(target.path + "/" + file.path, file.contents) { return }
        // Flat, numbered names: the tree's own folders are made only at commit.
        let staged = lock.withLock {
            let staged = String(self.staged.count)
            self.staged.append((file.path, staged))
            return staged
        }
        try staging.writeFile(file.contents, to: staged)
    }

    /// Whether the file at `path` holds exactly `bytes`.
    private static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let current = FileManager.default.contents(atPath: path), current.count == bytes.count else { return false }
        return current.withUnsafeBytes { old in bytes.withUnsafeBytes { new in old.count == 0 || memcmp(old.baseAddress!, new.baseAddress!, old.count) == 0 } }
    }

    /// Removes the folders a removed page leaves empty (`bulletins/old-slug/`), up to the tree's root.
    private func removeEmptyFolders(above file: URL) {
        var folder = file.deletingLastPathComponent()
        while folder.path.count > target.path.count, rmdir(folder.path) == 0 {
            folder = folder.deletingLastPathComponent()
        }
    }
}
