import LearnsiteMarkdown

/// Inline SVG charts for the HTML report. Each has a `<title>` and `<desc>`, a `<title>` (tooltip) on every
/// bar, and a table of the same figures beside it as the text alternative.
enum SVGCharts {
    struct Series: Sendable {
        let name: String
        let colour: String
        /// Which of `ShownCounts.counts`.
        let index: Int
    }

    // Colours with at least 4.5:1 contrast on white, told apart in the legend and tooltips as well as by hue.
    static let attended = Series(name: "attended", colour: "#1d70b8", index: ShownCounts.attended)
    static let dna = Series(name: "did not attend", colour: "#d4351c", index: ShownCounts.dna)
    static let cancelled = Series(name: "cancelled", colour: "#505a5f", index: ShownCounts.cancelled)
    static let booked = Series(name: "booked", colour: "#0b0c0c", index: ShownCounts.booked)

    /// One horizontal bar per agency, split into attended, did not attend and cancelled. A figure hidden by
    /// suppression is left out of its bar (its length would give it away); the tables say "fewer than N".
    static func agencyBars<Groups: Sequence<(String, ShownCounts)>>(_ groups: Groups, _ suppression: Suppression, id: String, tableID: String) -> String {
        let series = [attended, dna, cancelled]
        let rows = groups.filter { _, counts in series.contains { (counts[$0.index] ?? 0) > 0 } }
        guard !rows.isEmpty else { return "<p>No bookings in this period.</p>" }
        let labelWidth = 250, barWidth = 360, rowHeight = 24, top = 34
        let width = labelWidth + barWidth + 50, height = top + rows.count * rowHeight + 6
        let largest = rows.map { _, counts in series.reduce(0) { $0 + (counts[$1.index] ?? 0) } }.max()!
        var svg = open(id: id, tableID: tableID, width: width, height: height,
                       title: "Bookings by agency: attended, did not attend and cancelled",
                       description: "One bar per agency, in three parts. The figures are in the table below.")
        svg += legend(series.map { ($0.name, $0.colour) }, y: 8)
        for (index, (key, counts)) in rows.enumerated() {
            let y = top + index * rowHeight
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(htmlEscaped(HTMLText.shortened(key, to: 38)))</text>"
            var x = Double(labelWidth)
            for part in series {
                guard let value = counts[part.index], value > 0 else { continue }
                let length = Double(value) / Double(largest) * Double(barWidth)
                svg += "<rect x=\"\(number(x))\" y=\"\(y + 3)\" width=\"\(number(length))\" height=\"\(rowHeight - 8)\" fill=\"\(part.colour)\">"
                    + "<title>\(htmlEscaped(key)): \(value) \(part.name)</title></rect>"
                x += length
            }
            svg += "<text x=\"\(number(x + 6))\" y=\"\(y + 15)\">\(suppression.text(counts.counts[ShownCounts.booked]))</text>"
        }
        return svg + "</svg>"
    }

    /// Booked and attended per financial quarter, side by side, with the attendance rate under each quarter.
    static func quarterBars<Groups: Sequence<(String, ShownCounts)>>(_ quarters: Groups, _ suppression: Suppression, id: String, tableID: String) -> String {
        let groups = Array(quarters)
        guard !groups.isEmpty else { return "<p>No quarters in this period.</p>" }
        let series = [booked, attended]
        let slot = 96, barWidth = 30, chartHeight = 160, top = 46, left = 10
        let width = left * 2 + groups.count * slot, height = top + chartHeight + 44
        let largest = max(1, groups.map { $0.1[ShownCounts.booked] ?? 0 }.max()!)
        var svg = open(id: id, tableID: tableID, width: max(width, 300), height: height,
                       title: "Trend by quarter: booked and attended",
                       description: "Two bars per financial quarter, booked and attended, with the attendance rate below. The figures are in the table below.")
        svg += legend(series.map { ($0.name, $0.colour) }, y: 8)
        let baseline = top + chartHeight
        svg += "<line x1=\"\(left)\" y1=\"\(baseline)\" x2=\"\(width - left)\" y2=\"\(baseline)\" stroke=\"#0b0c0c\"/>"
        for (index, (key, counts)) in groups.enumerated() {
            let x = left + index * slot + (slot - 2 * barWidth - 4) / 2
            for (offset, part) in series.enumerated() {
                let barX = x + offset * (barWidth + 4)
                guard let value = counts[part.index] else {
                    svg += "<text x=\"\(barX + barWidth / 2)\" y=\"\(baseline - 4)\" text-anchor=\"middle\">&lt;\(suppression.below)</text>"
                    continue
                }
                let length = Double(value) / Double(largest) * Double(chartHeight)
                svg += "<rect x=\"\(barX)\" y=\"\(number(Double(baseline) - length))\" width=\"\(barWidth)\" height=\"\(number(length))\" fill=\"\(part.colour)\">"
                    + "<title>\(htmlEscaped(key)): \(value) \(part.name)</title></rect>"
                svg += "<text x=\"\(barX + barWidth / 2)\" y=\"\(number(Double(baseline) - length - 4))\" text-anchor=\"middle\">\(value)</text>"
            }
            let centre = left + index * slot + slot / 2
            svg += "<text x=\"\(centre)\" y=\"\(baseline + 16)\" text-anchor=\"middle\">\(htmlEscaped(key))</text>"
            svg += "<text x=\"\(centre)\" y=\"\(baseline + 32)\" text-anchor=\"middle\">\(counts.attendanceRate.map(Figures.percent) ?? "–")</text>"
        }
        return svg + "</svg>"
    }

    static func open(id: String, tableID: String, width: Int, height: Int, title: String, description: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" aria-details=\"\(tableID)\">"
            + "<title id=\"\(id)-title\">\(htmlEscaped(title))</title><desc id=\"\(id)-desc\">\(htmlEscaped(description))</desc>"
    }

    static func legend(_ series: [(name: String, colour: String)], y: Int) -> String {
        var x = 10
        var out = ""
        for part in series {
            out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"14\" fill=\"\(part.colour)\"/>"
                + "<text x=\"\(x + 20)\" y=\"\(y + 12)\">\(part.name)</text>"
            x += 20 + part.name.count * 7 + 24
        }
        return out
    }

    /// Coordinates with at most one decimal, so output is short and the same on every machine.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
