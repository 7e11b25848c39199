import Foundation
import LearnsiteContent
import LearnsiteMarkdown
import LearnsiteSite

/// The reviewer's rules, applied to one document's front matter and body.
struct DocumentReview {
    let content: SiteContent
    let targets: LinkTargets
    let today: Day
    let markdown: MarkdownRenderer
    let glossary: Set<String>

    init(content: SiteContent, targets: LinkTargets, today: Day) {
        self.content = content
        self.targets = targets
        self.today = today
        markdown = MarkdownRenderer(allowRawHTML: content.config.unsafeHTML)
        glossary = Set(content.glossary.map(\.term))
    }

    func review(_ document: Document) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let file = document.sourcePath
        if let reviewBy = document.reviewBy, reviewBy < today {
            findings.append(Diagnostic(.warning, file: file, "its review date (\(reviewBy.longForm)) has passed: review it, then update `review_by` and `revised`"))
        }
        if document.summary == nil && document.kind != .page {
            findings.append(Diagnostic(.warning, file: file, "`summary` is empty: lists and search results show it, so write one or two sentences"))
        }
        let page = SitePaths.publishedKinds.contains(document.kind) ? "site/" + SitePaths.page(of: document) : nil
        return findings + reviewBody(document.body, file: file, bodyStartLine: document.bodyStartLine, page: page)
    }

    /// Body rules. `page` is where the body is published, to resolve its relative links (nil: not on the site).
    func reviewBody(_ body: String, file: String, bodyStartLine: Int, page: String?) -> [Diagnostic] {
        let outline = markdown.outline(body)
        func line(_ bodyLine: Int) -> Int { bodyStartLine + bodyLine - 1 }
        var findings: [Diagnostic] = []

        var previousLevel = 1  // the page title is the h1
        for heading in outline.headings {
            if heading.level > previousLevel + 1 {
                findings.append(Diagnostic(.warning, file: file, line: line(heading.line),
                    "the heading \"\(heading.text)\" jumps from level \(previousLevel) to \(heading.level); use \(String(repeating: "#", count: previousLevel + 1)) so screen-reader users can follow the outline"))
            }
            previousLevel = heading.level
        }
        for image in outline.images where image.alt.isEmpty {
            findings.append(Diagnostic(.error, file: file, line: line(image.line),
                "the image `\(image.url)` has no text alternative: write what it shows between the brackets, ![like this](\(image.url))"))
        }
        for link in outline.links {
            if let finding = review(link: link.url, from: page, file: file, line: line(link.line)) { findings.append(finding) }
        }
        var reported: Set<String> = []
        for text in outline.texts {
            for word in Self.capitalWords(in: text.text) where !glossary.contains(word) && reported.insert(word).inserted {
                findings.append(Diagnostic(.warning, file: file, line: line(text.line),
                    "`\(word)` looks like an abbreviation that glossary.yml does not explain; add it there so readers see what it stands for"))
            }
        }
        return findings
    }

    private func review(link url: String, from page: String?, file: String, line: Int) -> Diagnostic? {
        let lowered = url.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            return Diagnostic(.note, file: file, line: line, "external link to review now and then: \(url)")
        }
        if lowered.hasPrefix("mailto:") || lowered.hasPrefix("tel:") || lowered.hasPrefix("//") || lowered.contains(":") && !lowered.hasPrefix("#") {
            return nil
        }
        guard let page else { return nil }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0].split(separator: "?").first ?? "")
        let anchor = parts.count > 1 ? String(parts[1]) : nil
        let target: String
        if path.isEmpty {
            target = page
        } else {
            let resolved = Self.resolve(path, from: page)
            guard let found = targets.page(resolved) else {
                let hint = path.hasSuffix(".md") ? " Link to the page, not its Markdown file: e.g. `../../lessons/name/`." : " Check the address: pages are at `../../<folder>/<name>/`, handouts at `../../../handouts/<folder>/<name>.html`."
                return Diagnostic(.error, file: file, line: line, "the link `\(url)` leads to no page of the site or handout.\(hint)")
            }
            target = found
        }
        if let anchor, !anchor.isEmpty, !targets.has(anchor: anchor, on: target) {
            return Diagnostic(.error, file: file, line: line, "the link `\(url)` points to `#\(anchor)`, which is not a heading or section of that page")
        }
        return nil
    }

    /// `../lessons/x/` from `site/bulletins/b/index.html` is `site/lessons/x/`; `/x` starts at the site root.
    static func resolve(_ path: String, from page: String) -> String {
        var parts = path.hasPrefix("/") ? ["site"] : Array(page.split(separator: "/").dropLast().map(String.init))
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") ? "/" : "")
    }

    /// Words of two or more capitals (digits allowed after the first letter), not Roman numerals.
    static func capitalWords(in text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { word in
            word.count >= 2 && word.first!.isUppercase && word.allSatisfy { $0.isUppercase || $0.isNumber }
                && word.contains(where: \.isLetter) && !word.allSatisfy({ "IVXLC".contains($0) })
        }
    }

    /// Two documents of different kinds with the same file name are easy to mix up in includes and links.
    func duplicateSlugs() -> [Diagnostic] {
        Dictionary(grouping: content.documents, by: \.slug).values.filter { $0.count > 1 }.flatMap { same in
            same.dropFirst().map { document in
                Diagnostic(.warning, file: document.sourcePath,
                    "another document has the same file name (\(same[0].sourcePath)); give one a more specific name so includes and links cannot be confused")
            }
        }
    }
}
