import Foundation
import Testing
@testable import LearnsiteContent
import LearnsiteTestSupport

/// A front matter block that is valid for every kind of document.
let minimalFrontMatter = "title: A learning bulletin\ndate: 2024-05-14"

/// Loads `Content/` of `folder`, expecting success; records an issue (and throws) when it fails.
/// Taking the folder as a parameter keeps it alive (and on disk) for the whole load.
func loadContent(_ folder: TemporaryFolder, includeDrafts: Bool = false,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> ContentLoader.Result {
    do {
        return try ContentLoader(root: folder.url("Content"), includeDrafts: includeDrafts).load()
    } catch {
        Issue.record("expected the content to load, but it failed:\n\(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// Loads `Content/` of `folder` (or another root inside it), expecting a `ContentError`; returns its diagnostics.
func loadFailure(_ folder: TemporaryFolder, root: String = "Content",
                 sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        let result = try ContentLoader(root: folder.url(root)).load()
        Issue.record("expected a ContentError, but loading succeeded with \(result.content.documents.count) documents and \(result.warnings.count) warnings",
                     sourceLocation: sourceLocation)
        return []
    } catch {
        #expect(!error.diagnostics.isEmpty, "a ContentError must carry at least one diagnostic", sourceLocation: sourceLocation)
        #expect(error.diagnostics.contains { $0.severity == .error }, "a ContentError must carry an error", sourceLocation: sourceLocation)
        return error.diagnostics
    }
}

/// Expects exactly one diagnostic in `diagnostics` and checks it: severity, where it points, and what it says.
@discardableResult
func expectSingle(_ diagnostics: [Diagnostic], _ severity: Diagnostic.Severity, fileEndsWith suffix: String,
                  line: Int?, mentions fragments: [String],
                  sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
    #expect(diagnostics.count == 1, "expected one diagnostic, got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    guard let diagnostic = diagnostics.first else { return nil }
    expectDiagnostic(diagnostic, severity, fileEndsWith: suffix, line: line, mentions: fragments, sourceLocation: sourceLocation)
    return diagnostic
}

/// Checks one diagnostic: severity, file path ending, line, and fragments of its message (what is wrong, what to do).
func expectDiagnostic(_ diagnostic: Diagnostic, _ severity: Diagnostic.Severity, fileEndsWith suffix: String,
                      line: Int?, mentions fragments: [String],
                      sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(diagnostic.severity == severity, "\(diagnostic)", sourceLocation: sourceLocation)
    #expect(diagnostic.file.hasSuffix(suffix), "file \(diagnostic.file) should end with \(suffix)", sourceLocation: sourceLocation)
    #expect(diagnostic.line == line, "\(diagnostic)", sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(diagnostic.message.contains(fragment), "message should mention \(fragment): \(diagnostic.message)",
                sourceLocation: sourceLocation)
    }
}
