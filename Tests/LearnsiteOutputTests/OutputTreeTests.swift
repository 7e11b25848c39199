import Foundation
import LearnsiteTestSupport
import Testing
@testable import LearnsiteOutput

@Suite struct OutputTreeTests {
    @Test func writesEveryFileAndReplacesTheOldTree() throws {
        let folder = TemporaryFolder()
        let site = folder.url("Output/site")
        try OutputTree.replace(site, with: [OutputFile(path: "index.html", text: "one"), OutputFile(path: "a/b/index.html", text: "two")])
        try OutputTree.replace(site, with: [OutputFile(path: "index.html", text: "new")])
        #expect(folder.read("Output/site/index.html") == "new")
        // Files of the old build that the new one does not write are gone, not left stale.
        #expect(!folder.exists("Output/site/a/b/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url("Output")) == ["site"])
    }

    @Test func aFailedWriteLeavesTheOldSiteUntouched() throws {
        let folder = TemporaryFolder()
        let site = folder.url("Output/site")
        try OutputTree.replace(site, with: [OutputFile(path: "index.html", text: "good")])
        #expect(throws: OutputError.self) {
            try OutputTree.replace(site, with: [OutputFile(path: "index.html", text: "half"), OutputFile(path: "../escape.html", text: "x")])
        }
        #expect(folder.read("Output/site/index.html") == "good")
        #expect(!folder.exists("Output/escape.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url("Output")) == ["site"])
    }

    @Test func aFileWhereAFolderIsNeededFailsCleanly() throws {
        let folder = TemporaryFolder()
        let site = folder.url("Output/site")
        #expect(throws: OutputError.self) {
            try OutputTree.replace(site, with: [OutputFile(path: "a", text: "file"), OutputFile(path: "a/b.html", text: "x")])
        }
        #expect(!folder.exists("Output/site"))
    }

    @Test func clearsLeftoversOfAnInterruptedBuild() throws {
        let folder = TemporaryFolder()
        folder.write("Output/.site.staging/stale.html", "stale")
        try OutputTree.replace(folder.url("Output/site"), with: [OutputFile(path: "index.html", text: "ok")])
        #expect(!folder.exists("Output/.site.staging"))
        #expect(!folder.exists("Output/site/stale.html"))
    }
}
