/// Text helpers of the HTML report (escaping is LearnsiteMarkdown's `htmlEscaped`).
enum HTMLText {
    /// A label short enough for a chart axis; the full text stays in the chart's tooltip and table.
    static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
