import Foundation

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

extension AttendanceReport {
    static let notice = PrivacyNotice(holds: "training figures from registers that name staff",
                                      audience: "the board's training managers")
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

    /// A mean with a fixed number of decimals: `3.4`, or `+1.2` when `signed` (a change).
    static func decimal(_ value: Double, places: Int, signed: Bool = false) -> String {
        let scale = Int(pow(10, Double(places)))
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let digits = String(scaled % scale)
        let sign = value < 0 && scaled > 0 ? "-" : signed && scaled > 0 ? "+" : ""
        return "\(sign)\(scaled / scale).\(String(repeating: "0", count: places - digits.count))\(digits)"
    }

    /// Pence as pounds: `£1,234.50`, or `1234.50` for spreadsheets.
    static func pounds(_ pence: Int, symbol: Bool = true) -> String {
        let pounds = String(pence / 100), fraction = (pence % 100 < 10 ? "0" : "") + String(pence % 100)
        guard symbol else { return "\(pounds).\(fraction)" }
        let grouped = pounds.reversed().enumerated().map { $0 > 0 && $0 % 3 == 0 ? "\($1)," : "\($1)" }.reversed().joined()
        return "£\(grouped).\(fraction)"
    }

    /// `3 working days' notice`, `1 working day's notice`.
    static func notice(_ days: Int) -> String {
        plural(days, "working day") + (days == 1 ? "'s" : "'") + " notice"
    }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
