
/// A course's confidence scores as a small bar chart: for each score, 1 to 5, how many gave it before
/// and after the course. The figures are also in the table beside it and in the chart's description.
enum ImpactChart {
    static let before = (name: "before", colour: "#505a5f")
    static let after = (name: "after", colour: "#1d70b8")

    static func label(_ score: Int) -> String {
        switch score {
        case 1: "1 (not confident)"
        case 5: "5 (very confident)"
        default: String(score)
        }
    }

    static func svg(_ course: ImpactReport.Course, id: String, tableID: String) -> String {
        let slot = 64, barWidth = 24, chartHeight = 100, top = 46, left = 10
        let width = left * 2 + 5 * slot, baseline = top + chartHeight
        let largest = max(1, (course.before.distribution + course.after.distribution).max()!)
        let figures = [before, after].enumerated().map { index, series in
            let counts = index == 0 ? course.before.distribution : course.after.distribution
            return "\(series.name): " + counts.enumerated().map { "\($0.offset + 1) given by \($0.element)" }.joined(separator: ", ")
        }.joined(separator: "; ")
        var svg = SVGCharts.open(id: id, tableID: tableID, width: width, height: baseline + 22,
                                 title: "Confidence before and after: \(course.name)",
                                 description: "Two bars for each score from 1 (not confident) to 5 (very confident). \(figures).")
        svg += SVGCharts.legend([before, after], y: 8)
        svg += "<line x1=\"\(left)\" y1=\"\(baseline)\" x2=\"\(width - left)\" y2=\"\(baseline)\" stroke=\"#0b0c0c\"/>"
        for score in 1...5 {
            let x = left + (score - 1) * slot + (slot - 2 * barWidth - 4) / 2
            for (offset, series) in [before, after].enumerated() {
                let count = (offset == 0 ? course.before : course.after).distribution[score - 1]
                let length = Double(count) / Double(largest) * Double(chartHeight)
                let barX = x + offset * (barWidth + 4)
                svg += "<rect x=\"\(barX)\" y=\"\(SVGCharts.number(Double(baseline) - length))\" width=\"\(barWidth)\" height=\"\(SVGCharts.number(length))\" fill=\"\(series.colour)\">"
                    + "<title>Score \(score) \(series.name): \(count)</title></rect>"
                svg += "<text x=\"\(barX + barWidth / 2)\" y=\"\(SVGCharts.number(Double(baseline) - length - 3))\" text-anchor=\"middle\">\(count)</text>"
            }
            svg += "<text x=\"\(left + (score - 1) * slot + slot / 2)\" y=\"\(baseline + 16)\" text-anchor=\"middle\">\(score)</text>"
        }
        return svg + "</svg>"
    }
}
