import Foundation

/// How a build writes one output tree (`Output/site`, `Output/handouts`): pages are stored from any
/// thread as soon as they are rendered, so a large site is never held in memory whole, and reach
/// readers only at `commit`. Nothing is published if a store or the commit fails.
public protocol OutputTreeWriter: AnyObject, Sendable {
    /// Writes `file` (or keeps it, when it is unchanged) and returns what stands for it in the build's
    /// file list. A failure is kept and thrown by `commit`.
    func store(_ file: OutputFile) -> OutputFile
    /// Writes the files not stored yet and publishes the new tree: `files` is the whole tree.
    func commit(_ files: [OutputFile]) throws(OutputError)
}

/// Writes a whole new tree into a staging folder beside the destination and swaps it into place:
/// readers see the old tree or the new one, never a mix. Unchanged files are hard-linked from the old tree.
public final class OutputStaging: OutputTreeWriter {
    private let target: URL
    private let targetPath: String
    private let retired: URL
    private let writer: FolderWriter

    /// Prepares an empty staging folder beside `destination`, clearing what a crashed build left.
    public init(_ destination: String) throws(OutputError) {
        target = URL(fileURLWithPath: destination).standardizedFileURL
        targetPath = target.path
        retired = FolderWriter.retired(target)
        writer = try FolderWriter.staging(beside: target)
    }

    public func store(_ file: OutputFile) -> OutputFile {
        writer.keepFailure { () throws(OutputError) in try write(file) }
        return OutputFile(staged: file)
    }

    public func commit(_ files: [OutputFile]) throws(OutputError) {
        try commit(files) { _, _ in }
    }

    /// Writes the files not stored yet, runs `finishing` and swaps the staged tree into place; on any
    /// failure the staged tree is removed and the old one stays.
    /// - Parameter finishing: runs with the staging folder and the current destination, to add what is
    ///   made from staged files (the handouts' PDFs, the search index).
    public func commit(_ files: [OutputFile],
                       finishing: (_ staging: URL, _ current: URL) throws(OutputError) -> Void) throws(OutputError) {
        let fileManager = FileManager.default
        let folder = writer.root
        do throws(OutputError) {
            try writer.throwKeptFailure()
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
        try writer.prepare(file.path)
        if file.unchanged {
            try writer.carryOver(targetPath + "/" + file.path, to: file.path)
        } else {
            try writer.writeFile(file.contents, to: file.path)
        }
    }
}
