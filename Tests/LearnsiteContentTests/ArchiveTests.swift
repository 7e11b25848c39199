import Foundation
import Testing
@testable import LearnsiteContent
import LearnsiteTestSupport

/// The build cache's archive of loaded documents, and the loader taking unchanged files from it.
@Suite struct ArchiveTests {
    func richFolder() -> TemporaryFolder {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/b.md", markdownFile("""
            title: "CSE: what we learnt"
            date: 2024-05-14
            summary: Three things to do
            themes: [cse, neglect]
            revised: 2024-06-01
            review_by: 2026-05-14
            author: Web editor
            audience: All staff
            discussion:
              - What would you do?
            figures:
              - label: girls with CSE concerns
                value: "15"
                note: average age
            references: [jay-2014]
            unknown_field: kept as a warning
            """, body: "Body with é and the MASH.\n"))
        folder.write("Content/training/courses/c.md", markdownFile("title: Course\ndate: 2024-01-01\nlevel: 2\nduration: 3 hours\noutcomes: [Spot signs]\nrefresh_years: 3\nrequired_for: [Social workers]"))
        folder.write("Content/handouts/pack.md", markdownFile("title: Pack\ndate: 2024-02-01\ninclude:\n  - bulletins/b\ncourse: c"))
        return folder
    }

    func archived(_ files: [String: ParsedFile]) -> [UInt8] {
        var writer = ArchiveWriter()
        writer.write(files)
        return writer.bytes
    }

    @Test func documentsReadBackWholeWithTheirBodyFromTheFile() throws {
        let folder = richFolder()
        let loaded = try loadContent(folder)
        #expect(loaded.parsed.count == 3 && loaded.warnings.count == 1)
        var reader = ArchiveReader(archived(loaded.parsed))
        let copy = try reader.read([String: ParsedFile].self)
        #expect(reader.isAtEnd)
        // Every archived field survives: archiving the copy gives the same bytes, entry by entry.
        for (path, file) in loaded.parsed {
            let other = try #require(copy[path])
            #expect(archived([path: other]) == archived([path: file]), "\(path)")
            #expect(other.diagnostics == file.diagnostics && other.stamp == file.stamp)
            // The body is not archived: it is read from the file when first needed.
            #expect(other.document.body == file.document.body)
        }
        #expect(copy["bulletins/b.md"]?.document.body == "Body with é and the MASH.\n")
        #expect(copy["bulletins/b.md"]?.document.figures == [Figure(label: "girls with CSE concerns", value: "15", note: "average age")])
    }

    @Test func aFileDatedBefore1970IsKeptToo() throws {
        let folder = richFolder()
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: -86_400)],
                                              ofItemAtPath: folder.url("Content/bulletins/b.md"))
        let loaded = try loadContent(folder)
        var reader = ArchiveReader(archived(loaded.parsed))
        let copy = try reader.read([String: ParsedFile].self)
        #expect(copy["bulletins/b.md"]?.stamp == loaded.parsed["bulletins/b.md"]?.stamp)
    }

    @Test func aDamagedArchiveFailsToReadAndNeverCrashes() throws {
        let bytes = archived(try loadContent(richFolder()).parsed)
        for length in 0..<bytes.count {
            var reader = ArchiveReader(Array(bytes.prefix(length)))
            #expect(throws: ArchiveError.self) { try reader.read([String: ParsedFile].self) }
        }
        // A huge count or a bad flag is refused without allocating for it.
        var counts = ArchiveReader([UInt8](repeating: 0xFF, count: 16))
        #expect(throws: ArchiveError.self) { try counts.read([String].self) }
        var flag = ArchiveReader([7])
        #expect(throws: ArchiveError.self) { try flag.read(Bool.self) }
    }

    @Test func unchangedFilesAreTakenFromTheLastLoadAndEditedOnesAreRead() throws {
        let folder = richFolder()
        let first = try loadContent(folder)
        let again = try ContentLoader(root: folder.url("Content"), reusing: first.parsed).load()
        let kept = try #require(again.parsed["bulletins/b.md"]?.document)
        #expect(kept === first.parsed["bulletins/b.md"]?.document, "an unchanged file is not read again")
        #expect(again.warnings == first.warnings, "its warnings are reported again")

        folder.write("Content/bulletins/b.md", markdownFile("title: Renamed\ndate: 2024-05-14"))
        let edited = try ContentLoader(root: folder.url("Content"), reusing: first.parsed).load()
        #expect(edited.content.documents.first { $0.slug == "b" }?.title == "Renamed")
        #expect(edited.parsed["handouts/pack.md"]?.document === first.parsed["handouts/pack.md"]?.document)
    }

    @Test func aLongStringWrittenAgainIsWrittenOnceAndReadBackAsTheSameText() throws {
        let audience = "Practitioners and managers in every agency"
        var once = ArchiveWriter()
        once.write([audience])
        var often = ArchiveWriter()
        often.write([String](repeating: audience, count: 100) + ["short", "short"])
        // Each repeat is one word: the text's bytes are there once.
        #expect(often.bytes.count == once.bytes.count + 99 * 8 + 2 * (8 + 5))
        var reader = ArchiveReader(often.bytes)
        #expect(try reader.read([String].self) == [String](repeating: audience, count: 100) + ["short", "short"])
    }

    @Test func spellingsThatSwiftHoldsEqualKeepTheirOwnBytes() throws {
        // "é" as one character, then as "e" and a combining accent: equal as Swift strings, not as bytes.
        let composed = "Safeguarding r\u{E9}view of the year", decomposed = "Safeguarding re\u{301}view of the year"
        #expect(composed == decomposed)
        var writer = ArchiveWriter()
        writer.write([composed, decomposed, composed])
        var reader = ArchiveReader(writer.bytes)
        let read = try reader.read([String].self)
        #expect(read.map { Array($0.utf8) } == [composed, decomposed, composed].map { Array($0.utf8) })
    }

    @Test func manyDistinctStringsAndTheirRepeatsReadBack() throws {
        // More than the table first holds, so it grows while numbers are handed out.
        let texts = (0..<100_000).map { "bulletins/document-number-\($0)" }
        var writer = ArchiveWriter()
        writer.write(texts + texts.reversed())
        var reader = ArchiveReader(writer.bytes)
        #expect(try reader.read([String].self) == texts + texts.reversed())
        #expect(reader.isAtEnd)
    }

    @Test func aStringNumberNotYetWrittenIsRefused() throws {
        var writer = ArchiveWriter()
        writer.write(UInt64(1))
        writer.write(UInt64(5 << 1 | 1))
        var reader = ArchiveReader(writer.bytes)
        #expect(throws: ArchiveError.self) { try reader.read([String].self) }
    }
}
