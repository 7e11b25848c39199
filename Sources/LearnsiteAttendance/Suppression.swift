/// Small-number suppression (`--suppress-below N`), so a report can go in the board's annual report
/// without identifying anyone: a count of 1 to N-1 people is shown as "fewer than N". Zero is shown, as it
/// identifies nobody. Reports that name people list counts instead of names when suppression is on.
public struct Suppression: Sendable, Equatable {
    /// Counts below this are hidden; 0 or 1 hides nothing.
    public let below: Int

    public init(below: Int) {
        self.below = below
    }

    public static let none = Suppression(below: 0)

    public var isOn: Bool { below > 1 }

    func hides(_ count: Int) -> Bool { count > 0 && count < below }

    /// "fewer than 5", what a small count reads as.
    var phrase: String { "fewer than \(below)" }

    /// What a figure hidden for another's sake reads as: it may be of any size.
    static let withheld = "not shown"

    /// A count as published.
    enum Shown: Sendable, Equatable {
        case count(Int)
        /// 1 to N-1 people (or a group that small).
        case fewer
        /// Hidden so that subtraction cannot reveal a small count elsewhere.
        case withheld

        var value: Int? {
            if case .count(let number) = self { return number }
            return nil
        }
    }

    func text(_ shown: Shown) -> String {
        switch shown {
        case .count(let number): String(number)
        case .fewer: phrase
        case .withheld: Suppression.withheld
        }
    }

    /// A table of counts and its totals row as they may be shown:
    /// - a row whose `size` column (its number of people) is from 1 to N-1 is hidden whole (`fewer`);
    /// - any other count from 1 to N-1 is hidden (`fewer`);
    /// - where figures add up (each column to its total; in each row, `sums`), a hidden figure could be
    ///   worked out by subtraction if it were the only one hidden, so the smallest other non-zero figure
    ///   of that sum is `withheld` too (a total only when nothing else is left), until no sum has exactly one.
    /// Totals therefore stay visible where they can. Figures worked out from hidden ones (rates, means,
    /// amounts) are the caller's to withhold.
    func shown(_ rows: [[Int]], totals: [Int], size: Int, sums: [(sum: Int, parts: [Int])] = []) -> (rows: [[Shown]], totals: [Shown]) {
        let grid = rows + [totals]
        guard isOn else { return (rows.map { $0.map(Shown.count) }, totals.map(Shown.count)) }
        var shown: [[Shown]] = grid.enumerated().map { index, row in
            if index < rows.count && hides(row[size]) { return row.map { _ in .fewer } }
            return row.map { hides($0) ? .fewer : .count($0) }
        }
        let totalsRow = rows.count
        struct Cell { let row: Int, column: Int }
        func hidden(_ cell: Cell) -> Bool { shown[cell.row][cell.column].value == nil }
        let columns = totals.indices.map { column in grid.indices.map { Cell(row: $0, column: column) } }
        let rowSums = grid.indices.flatMap { row in sums.map { rule in [Cell(row: row, column: rule.sum)] + rule.parts.map { Cell(row: row, column: $0) } } }
        var changed = true
        while changed {
            changed = false
            for members in columns + rowSums where members.filter(hidden).count == 1 {
                let open = members.filter { !hidden($0) && grid[$0.row][$0.column] > 0 }
                let inner = open.filter { $0.row != totalsRow || members.allSatisfy { $0.row == totalsRow } }
                guard let pick = (inner.isEmpty ? open : inner).min(by: { grid[$0.row][$0.column] < grid[$1.row][$1.column] }) else { continue }
                shown[pick.row][pick.column] = .withheld
                changed = true
            }
        }
        return (Array(shown.dropLast()), shown[totalsRow])
    }
}
