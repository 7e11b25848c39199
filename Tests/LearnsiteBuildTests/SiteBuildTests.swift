import Foundation
import LearnsiteContent
import LearnsiteTestSupport
import Testing
@testable import LearnsiteBuild
import LearnsiteCSV

/// The repository's sample content folder.
let sampleContent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Content").path

@Suite struct SiteBuildTests {
    @Test func buildsTheSampleContentWithEveryDocumentLinked() throws {
        let output = TemporaryFolder()
        let report = try SiteBuild.run(BuildOptions(content: sampleContent, output: output.path))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let content = try ContentLoader(root: sampleContent).load().content
        let home = try #require(output.read("site/index.html"))
        let published: Set<DocumentKind> = [.bulletin, .strategy, .references, .lesson, .briefing, .page]
        let documents = content.documents.filter { published.contains($0.kind) }
        #expect(Set(documents.map(\.kind)) == published)
        for document in documents {
            let path = "\(document.kind.folder)/\(document.slug)/index.html"
            let page = try #require(output.read("site/" + path), "no page for \(document.sourcePath)")
            #expect(page.contains(">\(escaped(document.title))</h1>"), "\(path) lacks its title")
            let index = try #require(output.read("site/\(document.kind.folder)/index.html"))
            #expect(index.contains("href=\"../\(path)\""), "\(path) is not linked from its index")
            #expect(home.contains("href=\"\(path)\""), "\(path) is not linked from the home page")
        }
        // Trainer packs and courses have their own outputs; attendance never reaches the site.
        #expect(!output.exists("site/handouts"))
        #expect(!output.exists("site/attendance"))
        #expect(output.exists("site/assets/style.css"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let first = TemporaryFolder(), second = TemporaryFolder()
        _ = try SiteBuild.run(BuildOptions(content: sampleContent, output: first.path))
        _ = try SiteBuild.run(BuildOptions(content: sampleContent, output: second.path))
        // Everything learnsite writes is identical; Pagefind's filter chunks are named by its own
        // unordered maps, so its index folder is left out of the comparison.
        func written(_ folder: TemporaryFolder) throws -> [String] {
            try FileManager.default.subpathsOfDirectory(atPath: folder.url("site")).filter { !$0.hasPrefix("pagefind") }.sorted()
        }
        let files = try written(first)
        #expect(files == (try written(second)))
        for file in files {
            #expect(FileManager.default.contents(atPath: first.url("site/" + file)) == FileManager.default.contents(atPath: second.url("site/" + file)), "\(file) differs")
        }
    }

    @Test func aFailedBuildLeavesThePreviousSiteInPlace() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/good.md", markdownFile("title: Good\ndate: 2024-05-14"))
        let options = BuildOptions(content: folder.url("Content"), output: folder.url("Output"))
        _ = try SiteBuild.run(options)
        let before = try #require(folder.read("Output/site/bulletins/good/index.html"))
        folder.write("Content/bulletins/good.md", markdownFile("title: Changed\ndate: 2024-05-14"))
        folder.write("Content/bulletins/bad.md", markdownFile("title: Bad\ndate: 14 May"))
        let failure = try #require(throws: BuildFailure.self) { try SiteBuild.run(options) }
        #expect(failure.diagnostics.contains { $0.file.hasSuffix("bulletins/bad.md") && $0.line == 3 })
        #expect(folder.read("Output/site/bulletins/good/index.html") == before)
    }

    @Test func templatesBesideTheContentFolderOverrideTheBuiltInOnes() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/pages/about.md", markdownFile("title: About\ndate: 2024-05-14"))
        folder.write("Templates/page.mustache", "{{<layout}}{{$main}}<p id=\"mine\">{{title}}</p>{{/main}}{{/layout}}")
        _ = try SiteBuild.run(BuildOptions(content: folder.url("Content"), output: folder.url("Output")))
        #expect(folder.read("Output/site/pages/about/index.html")?.contains("<p id=\"mine\">About</p>") == true)
    }

    @Test func draftsArePublishedOnlyWhenAskedFor() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/wip.md", markdownFile("title: Work in progress\ndate: 2024-05-14\ndraft: true"))
        _ = try SiteBuild.run(BuildOptions(content: folder.url("Content"), output: folder.url("Output")))
        #expect(!folder.exists("Output/site/bulletins/wip/index.html"))
        _ = try SiteBuild.run(BuildOptions(content: folder.url("Content"), output: folder.url("Output"), includeDrafts: true))
        #expect(folder.exists("Output/site/bulletins/wip/index.html"))
    }

    @Test func buildsAHandoutForEveryPrintableDocumentAndThePack() throws {
        let output = TemporaryFolder()
        let report = try SiteBuild.run(BuildOptions(content: sampleContent, output: output.path))
        let content = try ContentLoader(root: sampleContent).load().content
        let printable = content.documents.filter { $0.handout && [.bulletin, .strategy, .references, .lesson, .briefing, .page].contains($0.kind) }
        for document in printable {
            #expect(output.exists("handouts/\(document.kind.folder)/\(document.slug).html"), "no handout for \(document.sourcePath)")
        }
        #expect(output.exists("handouts/packs/cse-trainer-pack.html"))
        // Every document, the pack, and a sign-in sheet per upcoming session.
        let signInSheets = content.sessions.filter { $0.date >= Day.today() }.count
        #expect(report.handouts == printable.count + 1 + signInSheets)
        #expect(output.read("handouts/index.html")?.contains("href=\"packs/cse-trainer-pack.html\"") == true)
    }

    @Test func aBrokenPackIsAnErrorButTheSiteAndOtherHandoutsAreWritten() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/bulletins/b.md", markdownFile("title: B\ndate: 2024-05-14"))
        folder.write("Content/handouts/pack.md", markdownFile("title: Pack\ndate: 2024-05-14\ninclude:\n  - bulletins/b\n  - lessons/gone"))
        let report = try SiteBuild.run(BuildOptions(content: folder.url("Content"), output: folder.url("Output")))
        #expect(report.errors.map(\.line) == [6])
        #expect(folder.exists("Output/site/bulletins/b/index.html"))
        #expect(folder.exists("Output/handouts/bulletins/b.html"))
        #expect(!folder.exists("Output/handouts/packs/pack.html"))
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}

@Suite struct PrivacyTests {
    /// Every attendee's name and email in the sample and fixture registers, read from their columns.
    func registerIdentities() throws -> Set<String> {
        let root = URL(fileURLWithPath: sampleContent).deletingLastPathComponent()
        let nameColumns: Set<String> = ["name", "attendee", "email", "emailaddress", "firstname", "lastname"]
        var identities: Set<String> = []
        for folder in ["Content/attendance", "Tests/Fixtures/attendance/attendance"] {
            let url = root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: url.path) where file.hasSuffix(".csv") {
                let reader = try CSVReader(path: url.appendingPathComponent(file).path)
                guard reader.next() else { continue }
                let header = (0..<reader.fieldCount).map { reader.string($0).lowercased().filter { $0.isLetter } }
                let wanted = header.indices.filter { nameColumns.contains(header[$0]) }
                let first = header.firstIndex(of: "firstname"), last = header.firstIndex(of: "lastname")
                while reader.next() {
                    for index in wanted where index < reader.fieldCount {
                        let value = reader.string(index).trimmingCharacters(in: .whitespaces)
                        if value.count > 3 { identities.insert(value) }
                    }
                    if let first, let last, max(first, last) < reader.fieldCount {
                        identities.insert(reader.string(first) + " " + reader.string(last))
                    }
                }
            }
        }
        return identities
    }

    @Test func noRegisterNameOrEmailReachesThePublicSite() throws {
        let identities = try registerIdentities()
        #expect(identities.count > 20, "the sample registers should give names and emails to look for")
        let output = TemporaryFolder()
        _ = try SiteBuild.run(BuildOptions(content: sampleContent, output: output.path))
        let site = output.url("site")
        for file in try FileManager.default.subpathsOfDirectory(atPath: site) {
            guard let data = FileManager.default.contents(atPath: site + "/" + file) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for identity in identities {
                #expect(!text.contains(identity), "\(identity) from a register appears in site/\(file)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: site + "/attendance"))
    }
}
