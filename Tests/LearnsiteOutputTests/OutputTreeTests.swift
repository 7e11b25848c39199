import Foundation
import LearnsiteTestSupport
import Testing
@testable import LearnsiteOutput

/// Stages `files` and swaps them in, as a build does with each output folder.
private func replace(_ destination: String, with files: [OutputFile]) throws(OutputError) {
    try OutputStaging(destination).commit(files)
}

@Suite struct OutputTreeTests {
    @Test func writesEveryFileAndReplacesTheOldTree() throws {
        let folder = TemporaryFolder()
        let site = folder.url("Output/site")
        try replace(site, with: [OutputFile(path: "index.html", text: "one"), OutputFile(path: "a/b/index.html", text: "two")])
        try replace(site, with: [OutputFile(path: "index.html", text: "new")])
        #expect(folder.read("Output/site/index.html") == "new")
        // Files of the old build that the new one does not write are gone, not left stale.
        #expect(!folder.exists("Output/site/a/b/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url("Output")) == ["site"])
    }

    @Test func aFailedWriteLeavesTheOldSiteUntouched() throws {
        let folder = TemporaryFolder()
        let site = folder.url("Output/site")
        try replace(site, with: [OutputFile(path: "index.html", text: "good")])
        #expect(throws: OutputError.self) {
            try replace(site, with: [OutputFile(path: "index.html", text: "half"), OutputFile(path: "../escape.html", text: "x")])
        }
        #expect(folder.read("Output/site/index.html") == "good")
        #expect(!folder.exists("Output/escape.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url("Output")) == ["site"])
    }

    /// Pages stored while rendering (from many threads) reach the site only through `commit`, and a store
    /// that failed makes `commit` fail and keeps the old site.
    @Test func storedPagesAppearOnlyOnCommitAndAFailedStoreKeepsTheOldSite() throws {
        let folder = TemporaryFolder()
        let site = folder.url("Output/site")
        try replace(site, with: [OutputFile(path: "index.html", text: "old")])
        let staging = try OutputStaging(site)
        let stored = (0..<200).map { OutputFile(path: "pages/\($0)/index.html", text: "page \($0)") }
        DispatchQueue.concurrentPerform(iterations: stored.count) { _ = staging.store(stored[$0]) }
        let placeholders = stored.map(OutputFile.init(staged:))
        #expect(staging.store(stored[0]).isStaged && staging.store(stored[0]).contents.isEmpty)
        #expect(!folder.exists("Output/site/pages/7/index.html"))
        try staging.commit(placeholders + [OutputFile(path: "index.html", text: "new")])
        #expect(folder.read("Output/site/pages/7/index.html") == "page 7")
        #expect(folder.read("Output/site/index.html") == "new")

        let failing = try OutputStaging(site)
        _ = failing.store(OutputFile(path: "../escape.html", text: "x"))
        #expect(throws: OutputError.self) { try failing.commit([OutputFile(path: "index.html", text: "half")]) }
        #expect(folder.read("Output/site/index.html") == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url("Output")) == ["site"])
    }

    @Test func aFileWhereAFolderIsNeededFailsCleanly() throws {
        let folder = TemporaryFolder()
        let site = folder.url("Output/site")
        #expect(throws: OutputError.self) {
            try replace(site, with: [OutputFile(path: "a", text: "file"), OutputFile(path: "a/b.html", text: "x")])
        }
        #expect(!folder.exists("Output/site"))
    }

    @Test func clearsLeftoversOfAnInterruptedBuild() throws {
        let folder = TemporaryFolder()
        folder.write("Output/.site.staging/stale.html", "stale")
        try replace(folder.url("Output/site"), with: [OutputFile(path: "index.html", text: "ok")])
        #expect(!folder.exists("Output/.site.staging"))
        #expect(!folder.exists("Output/site/stale.html"))
    }

    // MARK: updating in place

    func inode(_ path: String) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value
    }

    @Test func anUpdateWritesOnlyWhatChangedAndRemovesWhatIsGone() throws {
        let folder = TemporaryFolder()
        let site = folder.url("Output/site")
        let first = [OutputFile(path: "index.html", text: "home"), OutputFile(path: "a/index.html", text: "a"),
                     OutputFile(path: "old/index.html", text: "old"), OutputFile(path: "same.html", text: "same")]
        try replace(site, with: first)
        let before = (tree: inode(site), kept: inode(site + "/a/index.html"), same: inode(site + "/same.html"))

        let update = try OutputUpdate(site, previous: first.map(\.path))
        let stored = [update.store(OutputFile(unchangedAt: "a/index.html")), update.store(OutputFile(path: "new/index.html", text: "new"))]
        #expect(!folder.exists("Output/site/new/index.html"), "nothing reaches the site before the commit")
        try update.commit(stored + [OutputFile(path: "index.html", text: "home 2"), OutputFile(path: "same.html", text: "same")])

        #expect(folder.read("Output/site/index.html") == "home 2" && folder.read("Output/site/new/index.html") == "new")
        #expect(folder.read("Output/site/a/index.html") == "a")
        #expect(!folder.exists("Output/site/old/index.html") && !folder.exists("Output/site/old"), "a removed page takes its folder with it")
        #expect(inode(site) == before.tree, "the tree was updated, not replaced")
        #expect(inode(site + "/a/index.html") == before.kept && inode(site + "/same.html") == before.same,
                "kept files and files whose bytes are unchanged are not touched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url("Output")) == ["site"])
    }

    @Test func aFailedUpdateChangesNothing() throws {
        let folder = TemporaryFolder()
        let site = folder.url("Output/site")
        try replace(site, with: [OutputFile(path: "index.html", text: "good"), OutputFile(path: "a.html", text: "a")])
        let update = try OutputUpdate(site, previous: ["index.html", "a.html"])
        _ = update.store(OutputFile(path: "index.html", text: "half"))
        _ = update.store(OutputFile(path: "../escape.html", text: "x"))
        #expect(throws: OutputError.self) { try update.commit([OutputFile(path: "index.html", text: "half")]) }
        #expect(folder.read("Output/site/index.html") == "good" && folder.read("Output/site/a.html") == "a")
        #expect(!folder.exists("Output/escape.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url("Output")) == ["site"])
    }

    @Test func onlyPathsInsideTheTreeAreWritten() {
        for path in ["..", "../x", "a/../b", "a/..", "/etc/passwd", "", "a/b/../../../c"] {
            #expect(throws: OutputError.self, "\(path)") { try FolderWriter.checkInside(path) }
        }
        for path in ["index.html", "a/..b/c", "..a", "a/b..", "a/.../b", ".well-known/x", "a/./b"] {
            #expect(throws: Never.self, "\(path)") { try FolderWriter.checkInside(path) }
        }
    }
}
