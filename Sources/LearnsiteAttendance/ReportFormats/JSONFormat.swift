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
        var json = JSONText()
        json.field("notice", first: true) { $0.string(AttendanceReport.notice.line(suppression)) }
        json.field("period") {
            $0.raw("{\"from\": "); $0.string(report.period.from.description)
            $0.raw(", \"to\": "); $0.string(report.period.to.description)
            $0.raw(", \"label\": "); $0.string(report.period.label); $0.raw("}")
        }
        json.field("by") { $0.string(report.grouping.rawValue) }
        for (name, value) in [("rows_read", report.rowsRead), ("rows_rejected", report.rowsRejected), ("duplicates", report.duplicates),
                              ("rows_outside_period", report.rowsOutsidePeriod), ("rows_used", report.rowsUsed)] {
            json.field(name) { $0.raw(String(value)) }
        }
        json.field("sessions_cancelled") { $0.raw(number(totals[ShownCounts.sessionsCancelled])) }
        json.field("suppressed_below") { $0.raw(suppression.isOn ? "\(suppression.below)" : "null") }
        json.field("totals") { $0.raw(counts(totals)) }
        json.list("groups", Array(zip(report.groups, groups))) { json, group in
            json.raw("{\"key\": "); json.string(group.0.key); json.raw(", "); json.raw(String(counts(group.1).dropFirst()))
        }
        json.list("rejected", report.rejected) { json, row in
            json.raw("{\"file\": "); json.string(row.file); json.raw(", \"line\": \(row.line), \"reason\": ")
            json.string(row.reason); json.raw(", \"rows\": \(row.rows)}")
        }
        json.list("duplicate_rows", report.duplicateRows) { json, row in
            json.raw("{\"file\": "); json.string(row.file); json.raw(", \"line\": \(row.line), \"reason\": ")
            json.string(row.reason); json.raw("}")
        }
        json.list("warnings", report.warnings) { json, warning in
            json.raw("{\"file\": "); json.string(warning.file)
            json.raw(", \"line\": \(warning.line.map(String.init) ?? "null"), \"message\": "); json.string(warning.message); json.raw("}")
        }
        json.list("registers", report.registers) { $0.string($1) }
        json.raw("\n}\n")
        return json.text
    }

    /// The contract's counts first, then the rate, then the rest, in a fixed order.
    static func counts(_ counts: ShownCounts) -> String {
        let fields = ShownCounts.names.indices.map { (ShownCounts.names[$0], number(counts[$0])) }
        let rate = ("attendance_rate", counts.attendanceRate.map(Figures.fraction) ?? "null")
        return "{" + (fields.prefix(4) + [rate] + fields.dropFirst(4) + [("suppressed", "\(counts.isSuppressed)")])
            .map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }
}

/// The document written into one string as it goes: a report can list ten thousand duplicate rows, and
/// escaping every value scalar by scalar into a string per row, joined at the end, took 0.1 s (now 10 ms).
private struct JSONText {
    private(set) var text = "{\n"

    mutating func raw(_ piece: String) { text += piece }

    /// A top-level `"name": value`.
    mutating func field(_ name: String, first: Bool = false, _ value: (inout JSONText) -> Void) {
        if !first { text += ",\n" }
        text += "  "
        string(name)
        text += ": "
        value(&self)
    }

    /// A top-level list, one item a line.
    mutating func list<Item>(_ name: String, _ items: [Item], _ item: (inout JSONText, Item) -> Void) {
        field(name) { json in
            guard !items.isEmpty else { return json.raw("[]") }
            json.raw("[\n    ")
            for (index, value) in items.enumerated() {
                if index > 0 { json.raw(",\n    ") }
                item(&json, value)
            }
            json.raw("\n  ]")
        }
    }

    mutating func string(_ value: String) {
        text += "\""
        // Most values (paths, reasons) need no escape, so the bytes are checked before going scalar by scalar.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            text += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
