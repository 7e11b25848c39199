import LearnsiteContent

/// The parsed files of a build cache, in chunks of about 64 files, each archived on its own (with its own
/// shared strings). The next build reads the chunks on all cores; when it writes its own cache, it copies
/// the bytes of every chunk whose files it took unchanged and archives again only the chunks holding a file
/// that changed. (Archived whole, the parsed files were read on one core, the rebuild's wait before
/// loading, and archiving all of them again was the last thing a rebuild waited for.)
struct ParsedChunks: @unchecked Sendable {
    struct Chunk {
        let paths: [String]
        /// The chunk's archive, in the cache file's memory.
        let bytes: UnsafeRawBufferPointer
    }

    let chunks: [Chunk]
    /// Keeps the cache file's memory, which `chunks` point into.
    let memory: AnyObject

    /// A chunk ends after a path whose fingerprint is a multiple of 64, so adding or removing a file
    /// changes only its own chunk; or at 256 files.
    static func split(_ paths: [String]) -> [ArraySlice<String>] {
        var chunks: [ArraySlice<String>] = []
        var start = 0
        for (index, path) in paths.enumerated() where Fingerprint(path.utf8).value % 64 == 0 || index - start == 255 {
            chunks.append(paths[start...index])
            start = index + 1
        }
        if start < paths.count { chunks.append(paths[start...]) }
        return chunks
    }

    /// Reads what `write` wrote, decoding the chunks on all cores.
    static func read(from reader: inout ArchiveReader) throws(ArchiveError) -> (chunks: ParsedChunks, parsed: [String: ParsedFile]) {
        var parts: [MappedBytes] = []
        for _ in 0..<(try reader.count()) { parts.append(MappedBytes(bytes: try reader.part())) }
        let archive = reader
        let decoded = concurrentMap(parts) { part -> [(path: String, file: ParsedFile)]? in
            var chunk = archive.reader(of: part.bytes)
            guard let files = try? chunk.read([Pair].self), chunk.isAtEnd else { return nil }
            return files.map { ($0.path, $0.file) }
        }
        var parsed: [String: ParsedFile] = [:]
        parsed.reserveCapacity(decoded.reduce(0) { $0 + ($1?.count ?? 0) })
        var chunks: [Chunk] = []
        for (files, part) in zip(decoded, parts) {
            guard let files else { throw ArchiveError() }
            for (path, file) in files { parsed[path] = file }
            chunks.append(Chunk(paths: files.map(\.path), bytes: part.bytes))
        }
        return (ParsedChunks(chunks: chunks, memory: reader.memory), parsed)
    }

    /// Writes `parsed` in chunks of its paths in `order`; a chunk the last cache has, with the same files
    /// all taken from it unchanged, is copied from it.
    static func write(_ parsed: [String: ParsedFile], order: [String], previous: (chunks: ParsedChunks, parsed: [String: ParsedFile])?,
                      into writer: inout ArchiveWriter) {
        let earlier = Dictionary((previous?.chunks.chunks ?? []).map { ($0.paths.first ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let chunks = split(order)
        writer.write(chunks.count)
        for paths in chunks {
            if let previous, let chunk = earlier[paths.first!], chunk.paths.elementsEqual(paths),
               paths.allSatisfy({ parsed[$0]?.document === previous.parsed[$0]?.document }) {
                writer.write(part: chunk.bytes)
                continue
            }
            let pairs = paths.map { Pair(path: $0, file: parsed[$0]!) }
            var archive = ArchiveWriter(reservingCapacity: pairs.reduce(0) { $0 + capacity($1.path, $1.file) })
            archive.write(pairs)
            archive.withBytes { writer.write(part: $0) }
        }
    }

    /// More than the archive of a parsed file takes: it holds less than the file (not its body), plus its
    /// path, stamp and fingerprints.
    static func capacity(_ path: String, _ file: ParsedFile) -> Int {
        file.stamp.size + 2 * path.utf8.count + 256
    }

    /// A file's path and what was read from it, as a chunk holds them.
    private struct Pair: Archivable {
        let path: String
        let file: ParsedFile

        init(path: String, file: ParsedFile) {
            self.path = path
            self.file = file
        }

        func archive(into writer: inout ArchiveWriter) {
            writer.write(path)
            writer.write(file)
        }

        init(from reader: inout ArchiveReader) throws(ArchiveError) {
            path = try reader.read()
            file = try reader.read()
        }
    }

    /// A chunk's bytes, handed to the threads that decode it: the cache file's memory is only read.
    private struct MappedBytes: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
    }
}
