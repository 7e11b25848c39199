import Foundation

/// Writes files below one folder from many threads: checks that each path stays inside it, creates
/// each folder once, and keeps the first failure for the commit to report.
final class FolderWriter: @unchecked Sendable {
    let root: URL
    /// `root` as a path: paths below it are joined as strings, as building a `URL` for each of 20,000
    /// files cost more than writing them.
    let rootPath: String
    /// The root held open: files and folders are made relative to it, so the kernel walks only the path
    /// below it, not the whole path again for each of 30,000 calls. The working directory (and whole
    /// paths) if the root could not be opened, so the calls themselves report why.
    private let folder: Int32
    // Guards `made` and `failure`, which rendering threads share.
    private let lock = NSLock()
    private var made: Set<String> = []
    private var failure: OutputError?

    init(_ root: URL) {
        self.root = root
        rootPath = root.path
        let folder = open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        self.folder = folder >= 0 ? folder : AT_FDCWD
    }

    deinit {
        if folder != AT_FDCWD { close(folder) }
    }

    /// `path` below the root as the `...at` system calls take it.
    private func below(_ path: String) -> String {
        folder == AT_FDCWD ? rootPath + "/" + path : path
    }

    /// `path` below the root, whole, for messages.
    func whole(_ path: String) -> String {
        rootPath + "/" + path
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
        guard !path.isEmpty, path.utf8.first != UInt8(ascii: "/"), !hasParentStep(path) else {
            throw OutputError(path: path, reason: "refusing to write outside the output folder")
        }
    }

    /// Whether a part of `path` between slashes is `..`; on bytes, as splitting every path into strings
    /// was a twentieth of writing the site.
    private static func hasParentStep(_ path: String) -> Bool {
        var path = path
        // Through `withUTF8`: iterating `path.utf8` cost nearly three times as much.
        return path.withUTF8 { bytes in
            var partLength = 0, dots = 0
            for byte in bytes {
                if byte == UInt8(ascii: "/") {
                    if partLength == 2 && dots == 2 { return true }
                    (partLength, dots) = (0, 0)
                } else {
                    partLength += 1
                    if byte == UInt8(ascii: ".") { dots += 1 }
                }
            }
            return partLength == 2 && dots == 2
        }
    }

    /// Checks `path` (below the root) and makes its folder; then it can be written.
    func prepare(_ path: String) throws(OutputError) {
        try Self.checkInside(path)
        // On bytes: `lastIndex(of: "/")` walks back by characters, 9,000 instructions a path.
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) { try makeFolder(String(path[..<slash])) }
    }

    /// Creates each folder once, whichever thread asks first (two may both try: a folder that is
    /// already there is no failure).
    private func makeFolder(_ directory: String) throws(OutputError) {
        guard !lock.withLock({ made.contains(directory) }) else { return }
        let failed = makeFolders(below(directory))
        guard failed == 0 else {
            throw OutputError(path: whole(directory), reason: "the folder could not be created: \(String(cString: strerror(failed)))")
        }
        lock.withLock { _ = made.insert(directory) }
    }

    /// `mkdir -p` in system calls: `FileManager.createDirectory` took four times as long as writing the
    /// pages. Returns 0, or the error number.
    private func makeFolders(_ directory: String) -> Int32 {
        if mkdirat(folder, directory, 0o755) == 0 || errno == EEXIST { return 0 }
        guard errno == ENOENT, let slash = directory.utf8.lastIndex(of: UInt8(ascii: "/")), slash > directory.startIndex else { return errno }
        let parent = makeFolders(String(directory[..<slash]))
        guard parent == 0 else { return parent }
        return mkdirat(folder, directory, 0o755) == 0 || errno == EEXIST ? 0 : errno
    }

    /// A hard link costs one system call and no copying; across file systems, copy instead.
    func carryOver(_ previous: String, to path: String) throws(OutputError) {
        if linkat(AT_FDCWD, previous, folder, below(path), 0) == 0 { return }
        do {
            try FileManager.default.copyItem(atPath: previous, toPath: whole(path))
        } catch {
            throw OutputError(path: whole(path), reason: "the unchanged file could not be carried over from the last build: \(error.localizedDescription)")
        }
    }

    /// Moves the file at `source` (a whole path) to `path` below the root; the error number, or 0.
    func move(_ source: String, to path: String) -> Int32 {
        renameat(AT_FDCWD, source, folder, below(path)) == 0 ? 0 : errno
    }

    func writeFile(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let descriptor = openat(folder, below(path), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: whole(path), reason: "the file could not be created: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            guard written > 0 else {
                throw OutputError(path: whole(path), reason: "the file could not be written: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
