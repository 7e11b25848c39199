import CCmarkGFM
import Foundation

/// What a checker needs to know about a Markdown body, with body lines (1-based).
public struct MarkdownOutline: Sendable, Equatable {
    public struct Link: Sendable, Equatable {
        public let url: String
        public let line: Int
    }

    public struct Image: Sendable, Equatable {
        public let url: String
        /// The image's text alternative (`![this](...)`); empty when missing.
        public let alt: String
        public let line: Int
    }

    public struct Text: Sendable, Equatable {
        public let text: String
        public let line: Int
    }

    /// With the anchor ids the rendered page gives them.
    public let headings: [Heading]
    public let links: [Link]
    public let images: [Image]
    /// Prose text (not code, not link targets), for spotting unexplained abbreviations.
    public let texts: [Text]
}

extension MarkdownRenderer {
    /// Reads the structure of a body without rendering it.
    public func outline(_ markdown: String) -> MarkdownOutline {
        let document = CmarkDocument.parse(markdown, allowRawHTML: allowRawHTML).document
        var headings: [Heading] = []
        var used: [String: Int] = [:]
        var links: [MarkdownOutline.Link] = []
        var images: [MarkdownOutline.Image] = []
        var texts: [MarkdownOutline.Text] = []
        document.forEachNode { node in
            let line = Int(cmark_node_get_start_line(node))
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let text = plainText(of: node)
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text,
                                        id: HeadingAnchors.uniqueID(for: text, used: &used), line: line))
            case CMARK_NODE_LINK:
                links.append(.init(url: cmark_node_get_url(node).map { String(cString: $0) } ?? "", line: line))
            case CMARK_NODE_IMAGE:
                images.append(.init(url: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                                    alt: plainText(of: node).trimmingCharacters(in: .whitespaces), line: line))
            case CMARK_NODE_TEXT:
                texts.append(.init(text: cmark_node_get_literal(node).map { String(cString: $0) } ?? "", line: line))
            default:
                break
            }
        }
        return MarkdownOutline(headings: headings, links: links, images: images, texts: texts)
    }
}
