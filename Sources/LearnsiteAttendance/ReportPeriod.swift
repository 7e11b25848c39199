import LearnsiteContent

/// The dates a report covers, both included: usually a financial year (1 April to 31 March).
public struct ReportPeriod: Sendable, Equatable {
    public let from: Day
    public let to: Day
    /// `2024-25` for a financial year, `2024-05-01 to 2024-07-31` otherwise.
    public let label: String

    public init(from: Day, to: Day) {
        self.from = from
        self.to = to
        if from.month == 4 && from.day == 1 && to == Day(year: from.year + 1, month: 3, day: 31) {
            label = ReportPeriod.financialYearLabel(from.year)
        } else {
            label = "\(from) to \(to)"
        }
    }

    /// The financial year starting on 1 April of `year`.
    public static func financialYear(startingIn year: Int) -> ReportPeriod {
        ReportPeriod(from: Day(year: year, month: 4, day: 1)!, to: Day(year: year + 1, month: 3, day: 31)!)
    }

    /// The financial year a day falls in.
    public static func financialYear(containing day: Day) -> ReportPeriod {
        financialYear(startingIn: financialYearStart(day))
    }

    /// `2024-25`, `2024/25` or `2024-2025`; nil for anything else (including `2024-26`).
    public static func financialYear(named text: String) -> ReportPeriod? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 2, parts[0].count == 4, let first = Int(parts[0]), let second = Int(parts[1]),
              (1...9998).contains(first) else { return nil }
        let expected = parts[1].count == 2 ? (first + 1) % 100 : first + 1
        guard parts[1].count == 2 || parts[1].count == 4, second == expected else { return nil }
        return financialYear(startingIn: first)
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }

    /// `2024-25` for the year starting April 2024.
    static func financialYearLabel(_ startYear: Int) -> String {
        let next = (startYear + 1) % 100
        return "\(startYear)-\(next < 10 ? "0" : "")\(next)"
    }

    static func financialYearStart(_ day: Day) -> Int { day.month >= 4 ? day.year : day.year - 1 }

    /// The months the period touches, as `year * 12 + month - 1`, oldest first.
    var months: ClosedRange<Int> { MonthKey(from).ordinal...MonthKey(to).ordinal }
}

/// A calendar month, numbered so months and financial quarters sort chronologically.
struct MonthKey: Hashable {
    let ordinal: Int

    init(_ day: Day) { ordinal = day.year * 12 + day.month - 1 }
    init(ordinal: Int) { self.ordinal = ordinal }

    var year: Int { ordinal / 12 }
    var month: Int { ordinal % 12 + 1 }

    /// `April 2024`.
    var label: String { "\(MonthKey.names[month - 1]) \(year)" }

    private static let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    /// Financial quarters: Q1 is April to June. Numbered so they sort chronologically.
    var quarter: Int {
        let startYear = month >= 4 ? year : year - 1
        return startYear * 4 + (month + 8) % 12 / 3
    }

    /// `2024-25 Q1`.
    static func quarterLabel(_ quarter: Int) -> String {
        "\(ReportPeriod.financialYearLabel(quarter / 4)) Q\(quarter % 4 + 1)"
    }
}
