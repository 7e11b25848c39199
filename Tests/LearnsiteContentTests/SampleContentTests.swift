import Foundation
import Testing
@testable import LearnsiteContent

/// The sample content shipped with the package (`Content/` at the package root) must always load cleanly.
@Suite struct SampleContentTests {
    static let contentFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // LearnsiteContentTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // package root
        .appendingPathComponent("Content").path

    @Test func sampleContentLoadsWithoutErrors() throws {
        let result: ContentLoader.Result
        do {
            result = try ContentLoader(root: Self.contentFolder).load()
        } catch {
            Issue.record("the sample content does not load:\n\(error)")
            return
        }
        #expect(!result.warnings.contains { $0.severity == .error })
        #expect(result.warnings.isEmpty, "the sample content should load without warnings:\n\(result.warnings.map(\.description).joined(separator: "\n"))")
        let content = result.content
        let kinds = Set(content.documents.map(\.kind))
        for kind: DocumentKind in [.bulletin, .strategy, .references, .lesson, .briefing, .page] {
            #expect(kinds.contains(kind), "no \(kind) document in the sample content")
        }
        #expect(content.config.name == "Milton Keynes Safeguarding Children Board")
        #expect(content.config.baseURL == "https://www.mkscb.org/")
        #expect(!content.glossary.isEmpty)
        #expect(!content.references.isEmpty)
        #expect(content.home != nil)
        let bulletin = try #require(content.documents.first { $0.id == "bulletins/cse-learning-bulletin" })
        #expect(bulletin.date == Day(year: 2015, month: 10, day: 1))
        #expect(bulletin.figures.count == 4)
        // Every document's body is what follows its front matter.
        for document in content.documents {
            #expect(!document.body.hasPrefix("---"), "\(document.id)")
            #expect(document.bodyStartLine > 3, "\(document.id)")
        }
    }

    @Test func sampleReferencesAndIncludesResolve() throws {
        let content = try ContentLoader(root: Self.contentFolder, includeDrafts: true).load().content
        let ids = Set(content.references.map(\.id))
        let documentIDs = Set(content.documents.map(\.id))
        for document in content.documents {
            for reference in document.references {
                #expect(ids.contains(reference.value), "\(document.id) line \(reference.line ?? 0) cites unknown \(reference.value)")
            }
            for include in document.include {
                #expect(documentIDs.contains(include.value), "\(document.id) includes unknown \(include.value)")
            }
        }
    }
}
