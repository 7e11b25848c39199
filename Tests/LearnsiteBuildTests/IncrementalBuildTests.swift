import Foundation
import LearnsiteContent
import LearnsiteTestSupport
import LearnsiteRendering
import Testing
@testable import LearnsiteBuild

@Suite struct IncrementalBuildTests {
    let today = Day(year: 2026, month: 11, day: 21)!

    func content() -> TemporaryFolder {
        let folder = TemporaryFolder.content()
        folder.write("Content/glossary.yml", "- term: MASH\n  expansion: Multi Agency Safeguarding Hub\n- term: CSE\n  expansion: Child Sexual Exploitation\n")
        for index in 1...6 {
            folder.write("Content/bulletins/b\(index).md", markdownFile("title: Bulletin \(index)\ndate: 2024-0\(index)-01\nthemes: [cse]", body: "Call the MASH about case \(index).\n"))
        }
        folder.write("Content/lessons/l.md", markdownFile("title: Lesson\ndate: 2024-01-01\nreview_by: 2025-01-01", body: "## Signs\n\nText.\n"))
        return folder
    }

    func build(_ folder: TemporaryFolder, output: String = "Output", clean: Bool = false) throws -> BuildReport {
        try SiteBuild.run(BuildOptions(content: folder.url("Content"), output: folder.url(output), search: false, clean: clean, today: today))
    }

    /// Document pages (`site/<kind>/<slug>/index.html`) the build kept from the last one.
    func keptDocumentPages(_ report: BuildReport) -> Int {
        report.files.filter { file in
            let parts = file.path.split(separator: "/")
            return file.unchanged && parts.count == 4 && parts[1] != "themes" && parts[3] == "index.html"
        }.count
    }

    /// Every file of both outputs, by path, for comparing two builds byte for byte.
    func tree(_ folder: TemporaryFolder, _ output: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = folder.url(output)
        for path in try FileManager.default.subpathsOfDirectory(atPath: root) where !path.hasPrefix(".") {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = FileManager.default.contents(atPath: root + "/" + path) }
        }
        return files
    }

    @Test func anEditReRendersOnlyThatDocumentAndMatchesACleanBuild() throws {
        let folder = content()
        let first = try build(folder)
        #expect(first.pagesReused == 0)
        let unchanged = try build(folder)
        #expect(keptDocumentPages(unchanged) == 7, "every document page is kept when nothing changed")
        let listings = ["site/glossary/index.html", "site/bulletins/index.html", "site/themes/cse/index.html", "handouts/index.html"]
        #expect(listings.allSatisfy { path in unchanged.files.contains { $0.path == path && $0.unchanged } }, "and so are the pages listing documents")

        folder.write("Content/bulletins/b3.md", markdownFile("title: Bulletin 3, revised\ndate: 2024-03-01\nthemes: [cse]", body: "Now about CSE and the MASH.\n"))
        let edited = try build(folder)
        #expect(keptDocumentPages(edited) == 6)
        let written = Set(edited.files.filter { !$0.unchanged }.map(\.path))
        #expect(written.contains("site/bulletins/b3/index.html") && written.contains("handouts/bulletins/b3.html"))
        #expect(!written.contains("site/bulletins/b2/index.html") && !written.contains("handouts/bulletins/b2.html"))
        #expect(written.contains("site/glossary/index.html") && written.contains("site/bulletins/index.html"), "pages that gather documents are always made")

        _ = try build(folder, output: "Clean", clean: true)
        let incremental = try tree(folder, "Output"), clean = try tree(folder, "Clean")
        #expect(incremental.keys.sorted() == clean.keys.sorted())
        for (path, data) in clean { #expect(incremental[path] == data, "\(path) differs from a clean build") }
        #expect(folder.read("Output/site/glossary/index.html")?.contains("Bulletin 3, revised") == true)
    }

    @Test func aTemplateChangeOrCleanRebuildsEverything() throws {
        let folder = content()
        _ = try build(folder)
        #expect(try build(folder, clean: true).pagesReused == 0)
        folder.write("Templates/bulletin.mustache", "{{<document}}{{$afterBody}}<p>Local note</p>{{/afterBody}}{{/document}}")
        #expect(try build(folder).pagesReused == 0)
        #expect(folder.read("Output/site/bulletins/b1/index.html")?.contains("<p>Local note</p>") == true)
    }

    @Test func aRemovedDocumentDisappearsAndWarningsOfKeptPagesAreStillReported() throws {
        let folder = content()
        _ = try build(folder)
        try FileManager.default.removeItem(atPath: folder.url("Content/bulletins/b6.md"))
        let report = try build(folder)
        #expect(!folder.exists("Output/site/bulletins/b6/index.html") && !folder.exists("Output/handouts/bulletins/b6.html"))
        #expect(!folder.exists("Output/site/bulletins/b6"))
        try FileManager.default.removeItem(atPath: folder.url("Output/site"))
        #expect(try build(folder).pagesReused == 0, "a deleted site is made again in full")
        #expect(folder.exists("Output/site/bulletins/b1/index.html") && folder.exists("Output/site/glossary/index.html"))
        #expect(keptDocumentPages(report) == 6)
        folder.write("Content/bulletins/b1.md", markdownFile("title: Bulletin 1\ndate: 2024-01-01", body: "Cites [@nobody].\n"))
        let withWarning = try build(folder)
        #expect(withWarning.warnings.contains { $0.message.contains("nobody") })
        let again = try build(folder)
        #expect(keptDocumentPages(again) == 6 && again.warnings.contains { $0.message.contains("nobody") }, "a kept page's warnings are reported again")
    }

    @Test func aPackIncludingAFileByItsMarkdownNameStillPrintsItAfterARebuild() throws {
        let folder = content()
        folder.write("Content/handouts/pack.md", markdownFile("title: Pack\ndate: 2024-05-14\ninclude:\n  - /bulletins/b2.md"))
        _ = try build(folder)
        folder.write("Content/bulletins/b5.md", markdownFile("title: Bulletin 5 edited\ndate: 2024-05-01", body: "Edited.\n"))
        _ = try build(folder)
        #expect(folder.read("Output/handouts/packs/pack.html")?.contains("about case 2.") == true)
    }

    @Test func aBodyEditUpdatesTheTreeInPlaceAndKeepsTheListsUntilTheyChange() throws {
        let folder = content()
        _ = try build(folder)
        let siteInode = try FileManager.default.attributesOfItem(atPath: folder.url("Output/site"))[.systemFileNumber] as? NSNumber
        folder.write("Content/bulletins/b3.md", markdownFile("title: Bulletin 3\ndate: 2024-03-01\nthemes: [cse]", body: "Call the MASH about case 3 today.\n"))
        let bodyOnly = try build(folder)
        #expect(try FileManager.default.attributesOfItem(atPath: folder.url("Output/site"))[.systemFileNumber] as? NSNumber == siteInode,
                "a rebuild updates the site in place")
        #expect(bodyOnly.files.contains { $0.path == "site/glossary/index.html" && $0.unchanged })
        #expect(folder.read("Output/site/bulletins/b3/index.html")?.contains("case 3 today") == true)

        folder.write("Content/bulletins/b3.md", markdownFile("title: Bulletin 3\ndate: 2024-03-01\nthemes: [cse]", body: "Now about CSE.\n"))
        let newTerm = try build(folder)
        #expect(newTerm.files.contains { $0.path == "site/glossary/index.html" && !$0.unchanged }, "the glossary lists where terms are used")

        _ = try build(folder, output: "Clean", clean: true)
        let incremental = try tree(folder, "Output"), clean = try tree(folder, "Clean")
        #expect(incremental.keys.sorted() == clean.keys.sorted())
        for (path, data) in clean { #expect(incremental[path] == data, "\(path) differs from a clean build") }
    }

    @Test func aCacheEntryGivesBackTheTermsAndReferencesOfTheBodyByTheirPlaces() throws {
        let folder = content()
        folder.write("Content/references.yml", "- id: first\n  title: First\n- id: second\n  title: Second\n")
        folder.write("Content/bulletins/b1.md", markdownFile("title: Bulletin 1\ndate: 2024-01-01\nreferences: [first]",
                                                            body: "CSE and the MASH, as [@second] says.\n"))
        let content = try ContentLoader(root: folder.url("Content")).load().content
        let document = try #require(content.documents.first { $0.id == "bulletins/b1" })
        let body = BodyRenderer(content: content).render(document)
        #expect(body.abbreviations == ["CSE", "MASH"] && body.references.map(\.id) == ["second", "first"])

        var writer = ArchiveWriter()
        writer.write(BuildCache.Entry(document, body: body))
        var reader = ArchiveReader(writer.bytes)
        let entry = try reader.read(BuildCache.Entry.self)
        #expect(entry.abbreviations == [1, 0] && entry.references == [1, 0], "kept by place in glossary.yml and references.yml")
        let kept = try #require(entry.body(in: content))
        #expect(kept.abbreviations == body.abbreviations)
        #expect(kept.references.map(\.id) == body.references.map(\.id))
    }

    @Test func theCacheCopiesTheChunksOfUnchangedFilesAndArchivesAgainOnlyTheOneThatChanged() throws {
        let folder = TemporaryFolder.content()
        for index in 1...300 {
            folder.write("Content/bulletins/b\(index).md", markdownFile("title: Bulletin \(index)\ndate: 2024-01-01", body: "Text \(index).\n"))
        }
        let first = try ContentLoader(root: folder.url("Content")).load()
        var writer = ArchiveWriter()
        ParsedChunks.write(first.parsed, order: first.parsedOrder, previous: nil, into: &writer)
        var reader = ArchiveReader(writer.bytes)
        let (chunks, parsed) = try ParsedChunks.read(from: &reader)
        #expect(reader.isAtEnd && chunks.chunks.count > 2)
        #expect(chunks.chunks.flatMap(\.paths) == first.parsedOrder && parsed.count == 300)

        folder.write("Content/bulletins/b7.md", markdownFile("title: Bulletin 7, revised\ndate: 2024-01-01", body: "Text 7.\n"))
        let second = try ContentLoader(root: folder.url("Content"), reusing: parsed).load()
        var again = ArchiveWriter()
        ParsedChunks.write(second.parsed, order: second.parsedOrder, previous: (chunks, parsed), into: &again)
        var rereader = ArchiveReader(again.bytes)
        let (newChunks, newParsed) = try ParsedChunks.read(from: &rereader)
        let rewritten = zip(chunks.chunks, newChunks.chunks).filter { !$0.bytes.elementsEqual($1.bytes) }.map(\.0.paths)
        #expect(rewritten.count == 1 && rewritten.first?.contains("bulletins/b7.md") == true, "only the edited file's chunk")
        #expect(newParsed["bulletins/b7.md"]?.document.title == "Bulletin 7, revised" && newParsed.count == 300)

        // Copied, not archived again (which would give the same bytes): given stand-in bytes for the last
        // cache's chunks, the new cache holds them as they are, for every chunk but the edited file's.
        let standIn = Array("kept as it was".utf8)
        try standIn.withUnsafeBytes { standInBytes in
            let previous = ParsedChunks(chunks: chunks.chunks.map { .init(paths: $0.paths, bytes: standInBytes) }, memory: chunks.memory)
            var copied = ArchiveWriter()
            ParsedChunks.write(second.parsed, order: second.parsedOrder, previous: (previous, parsed), into: &copied)
            var parts = ArchiveReader(copied.bytes)
            let count = try parts.count()
            let kept = try (0..<count).map { _ in try parts.part().elementsEqual(standInBytes) }
            #expect(count == chunks.chunks.count && kept.filter { $0 }.count == count - 1, "every unchanged chunk copied")
        }
    }
}
