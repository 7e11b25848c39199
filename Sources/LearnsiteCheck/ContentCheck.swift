import Foundation
import LearnsiteBuild
import LearnsiteContent
import LearnsiteMarkdown
import LearnsiteOutput
import LearnsiteRendering

/// `learnsite check`: everything a build would report, plus what a careful reviewer would catch before
/// publishing (broken links, missing alt text, skipped heading levels, unexplained abbreviations ...).
/// Nothing is written and no network is used.
public enum ContentCheck {
    public static func run(_ options: BuildOptions) -> [Diagnostic] {
        let rendered: SiteBuild.Rendered
        do {
            rendered = try SiteBuild.render(options)
        } catch {
            return error.diagnostics
        }
        // A citation the library lacks is a warning while building, but must be fixed before publishing.
        var findings = rendered.diagnostics.map { $0.code == BodyRenderer.unknownReference ? $0.with(.error) : $0 }
        let targets = LinkTargets(site: rendered.site.files, handouts: rendered.handouts.files)
        let reviewer = DocumentReview(content: rendered.content, targets: targets, today: options.today)
        for document in rendered.content.documents {
            findings += reviewer.review(document)
        }
        if let home = rendered.content.home {
            findings += reviewer.reviewBody(home.body, file: home.sourcePath, bodyStartLine: home.bodyStartLine, page: "site/index.html")
        }
        findings += reviewer.duplicateSlugs()
        return findings.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
    }
}
