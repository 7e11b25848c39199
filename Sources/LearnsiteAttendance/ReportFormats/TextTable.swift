/// Aligned columns for the terminal: figures right-aligned, text left-aligned, a rule under the headings
/// and, when there is a totals row, a rule above it.
enum TextTable {
    /// - Parameter numeric: the right-aligned columns (by default every column but the first).
    static func render(headings: [String], rows: [[String]], totals: [String]? = nil, numeric: Set<Int>? = nil) -> [String] {
        let numeric = numeric ?? Set(headings.indices.dropFirst())
        let all = [headings] + rows + (totals.map { [$0] } ?? [])
        let widths = headings.indices.map { column in all.map { $0[column].count }.max()! }
        func line(_ row: [String]) -> String {
            let cells = row.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return numeric.contains(column) ? padding + row[column] : row[column] + padding
            }
            return String(cells.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        var out = [line(headings), rule] + rows.map(line)
        if let totals { out += [rule, line(totals)] }
        return out
    }
}
