/// The ways a report can be written out.
public enum ReportFormat: String, CaseIterable, Sendable {
    case table, csv, json, html

    public func render(_ report: AttendanceReport) -> String {
        switch self {
        case .table: TableFormat.render(report)
        case .csv: CSVFormat.render(report)
        case .json: JSONFormat.render(report)
        case .html: HTMLFormat.render(report)
        }
    }
}

/// Number formats shared by the outputs, so the same figure reads the same everywhere.
enum Figures {
    /// A rate as a fraction with at most four decimals, for machines: `0.9091`.
    static func fraction(_ rate: Double) -> String {
        String((rate * 10_000).rounded() / 10_000)
    }

    /// A rate as a percentage with one decimal, for people: `90.9%`.
    static func percent(_ rate: Double) -> String {
        let tenths = Int((rate * 1_000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `1 April 2024 to 31 March 2025`.
    static func longPeriod(_ period: ReportPeriod) -> String {
        "\(period.from.longForm) to \(period.to.longForm)"
    }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
