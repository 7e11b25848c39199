import LearnsiteContent

/// The report as JSON in the contract's shape, keys in a fixed order so two runs give the same bytes.
///
/// Beyond the contract: `notice` first (who the file is for), `by`, `rows_used` and `rows_outside_period`
/// (so that rows_read = rows_used + duplicates + rows_rejected + rows_outside_period), `sessions_cancelled`,
/// `late_cancellations` and `walk_ins` in each set of counts, `rows` on rejected entries (more than 1 for a
/// rejected file), `registers`, `duplicate_rows` and `warnings`.
///
/// Suppression (`--suppress-below N`): `suppressed_below` is N (null when off); a hidden count, or a rate
/// worked out from one, is `null`, and every set of counts carries `"suppressed": true` when any of its
/// figures is hidden (false otherwise), so a figure is never a string and null always means "hidden".
enum JSONFormat {
    static func render(_ report: AttendanceReport) -> String {
        let suppression = report.suppression
        let (groups, totals) = ShownCounts.table(report.groups, totals: report.totals, suppression)
        let period = "{\"from\": \(string(report.period.from.description)), \"to\": \(string(report.period.to.description)), \"label\": \(string(report.period.label))}"
        var fields: [(String, String)] = [
            ("notice", string(AttendanceReport.notice.line(suppression))),
            ("period", period),
            ("by", string(report.grouping.rawValue)),
            ("rows_read", "\(report.rowsRead)"),
            ("rows_rejected", "\(report.rowsRejected)"),
            ("duplicates", "\(report.duplicates)"),
            ("rows_outside_period", "\(report.rowsOutsidePeriod)"),
            ("rows_used", "\(report.rowsUsed)"),
            ("sessions_cancelled", number(totals[ShownCounts.sessionsCancelled])),
            ("suppressed_below", suppression.isOn ? "\(suppression.below)" : "null"),
            ("totals", counts(totals)),
        ]
        fields.append(("groups", list(zip(report.groups, groups).map { "{\"key\": \(string($0.key)), " + counts($1).dropFirst() })))
        fields.append(("rejected", list(report.rejected.map {
            "{\"file\": \(string($0.file)), \"line\": \($0.line), \"reason\": \(string($0.reason)), \"rows\": \($0.rows)}"
        })))
        fields.append(("duplicate_rows", list(report.duplicateRows.map {
            "{\"file\": \(string($0.file)), \"line\": \($0.line), \"reason\": \(string($0.reason))}"
        })))
        fields.append(("warnings", list(report.warnings.map {
            "{\"file\": \(string($0.file)), \"line\": \($0.line.map(String.init) ?? "null"), \"message\": \(string($0.message))}"
        })))
        fields.append(("registers", list(report.registers.map(string))))
        return "{\n" + fields.map { "  \(string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// The contract's counts first, then the rate, then the rest, in a fixed order.
    static func counts(_ counts: ShownCounts) -> String {
        let fields = ShownCounts.names.indices.map { (ShownCounts.names[$0], number(counts[$0])) }
        let rate = ("attendance_rate", counts.attendanceRate.map(Figures.fraction) ?? "null")
        return "{" + (fields.prefix(4) + [rate] + fields.dropFirst(4) + [("suppressed", "\(counts.isSuppressed)")])
            .map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }

    static func list(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
