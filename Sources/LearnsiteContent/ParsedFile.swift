import Foundation

/// What `stat` says of a file. While all of it is as it was, the file is taken as unchanged without
/// being read, as make and other site generators do; an editor saving a file changes its modification
/// time, and saving by rename also its inode. `--clean` reads everything again.
public struct FileStamp: Sendable, Hashable, Archivable {
    let device: UInt64
    let inode: UInt64
    public let size: Int
    let modified: Int
    let changed: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        changed = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
    }

    // Times are signed (a file may be dated before 1970), so they go in as `Int`s, never through `UInt64(_:)`.
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(device)
        writer.write(inode)
        writer.write(size)
        writer.write(modified)
        writer.write(changed)
    }

    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        device = try reader.read()
        inode = try reader.read()
        size = try reader.read()
        modified = try reader.read()
        changed = try reader.read()
    }
}

/// A Markdown file as the loader read it: the document and the file's own messages, with the stamp
/// the file had before it was read (so a change made while it was being read is noticed next time).
public struct ParsedFile: Sendable, Archivable {
    public let stamp: FileStamp
    public let document: Document
    public let diagnostics: [Diagnostic]

    init(stamp: FileStamp, document: Document, diagnostics: [Diagnostic]) {
        self.stamp = stamp
        self.document = document
        self.diagnostics = diagnostics
    }

    public func archive(into writer: inout ArchiveWriter) {
        writer.write(stamp)
        writer.write(document)
        writer.write(diagnostics)
    }

    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init(stamp: try reader.read(), document: try reader.read(), diagnostics: try reader.read())
    }
}
