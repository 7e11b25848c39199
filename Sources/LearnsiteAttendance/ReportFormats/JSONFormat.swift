import LearnsiteContent

/// The report as JSON in the contract's shape, keys in a fixed order so two runs give the same bytes.
///
/// Beyond the contract: `by`, `rows_used` and `rows_outside_period` (so that rows_read = rows_used +
/// duplicates + rows_rejected + rows_outside_period), `sessions_cancelled`, `late_cancellations` and
/// `walk_ins` in each set of counts, `rows` on rejected entries (more than 1 for a rejected file),
/// `registers`, `duplicate_rows` and `warnings`.
enum JSONFormat {
    static func render(_ report: AttendanceReport) -> String {
        let period = "{\"from\": \(string(report.period.from.description)), \"to\": \(string(report.period.to.description)), \"label\": \(string(report.period.label))}"
        var fields: [(String, String)] = [
            ("period", period),
            ("by", string(report.grouping.rawValue)),
            ("rows_read", "\(report.rowsRead)"),
            ("rows_rejected", "\(report.rowsRejected)"),
            ("duplicates", "\(report.duplicates)"),
            ("rows_outside_period", "\(report.rowsOutsidePeriod)"),
            ("rows_used", "\(report.rowsUsed)"),
            ("sessions_cancelled", "\(report.totals.sessionsCancelled)"),
            ("totals", counts(report.totals)),
        ]
        fields.append(("groups", list(report.groups.map { "{\"key\": \(string($0.key)), " + counts($0.counts).dropFirst() })))
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

    static func counts(_ counts: AttendanceCounts) -> String {
        "{\"booked\": \(counts.booked), \"attended\": \(counts.attended), \"dna\": \(counts.dna), "
            + "\"cancelled\": \(counts.cancelled), \"attendance_rate\": \(Figures.fraction(counts.attendanceRate)), "
            + "\"late_cancellations\": \(counts.lateCancellations), \"sessions_cancelled\": \(counts.sessionsCancelled), "
            + "\"walk_ins\": \(counts.walkIns)}"
    }

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
