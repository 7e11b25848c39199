import LearnsiteContent
import Testing
@testable import LearnsiteAttendance

/// Financial years (1 April to 31 March) and their quarters.
@Suite struct ReportPeriodTests {
    @Test(arguments: ["2024-25", "2024/25", "2024-2025"])
    func financialYearNames(text: String) {
        let period = ReportPeriod.financialYear(named: text)
        #expect(period?.from == Day(year: 2024, month: 4, day: 1))
        #expect(period?.to == Day(year: 2025, month: 3, day: 31))
        #expect(period?.label == "2024-25")
    }

    @Test(arguments: ["2024-26", "2024", "24-25", "2024-2026", "twenty"])
    func notFinancialYears(text: String) {
        #expect(ReportPeriod.financialYear(named: text) == nil)
    }

    @Test func centuryTurn() {
        #expect(ReportPeriod.financialYear(named: "2099-00")?.label == "2099-00")
        #expect(ReportPeriod.financialYear(startingIn: 2009).label == "2009-10")
    }

    @Test func yearBoundaries() {
        let period = ReportPeriod.financialYear(startingIn: 2024)
        #expect(!period.contains(Day(year: 2024, month: 3, day: 31)!))
        #expect(period.contains(Day(year: 2024, month: 4, day: 1)!))
        #expect(period.contains(Day(year: 2025, month: 3, day: 31)!))
        #expect(!period.contains(Day(year: 2025, month: 4, day: 1)!))
        #expect(ReportPeriod.financialYear(containing: Day(year: 2025, month: 3, day: 31)!) == period)
        #expect(ReportPeriod.financialYear(containing: Day(year: 2025, month: 4, day: 1)!).label == "2025-26")
    }

    @Test(arguments: [("2024-04-01", "2024-25 Q1"), ("2024-06-30", "2024-25 Q1"), ("2024-07-01", "2024-25 Q2"),
                      ("2024-09-30", "2024-25 Q2"), ("2024-10-01", "2024-25 Q3"), ("2024-12-31", "2024-25 Q3"),
                      ("2025-01-01", "2024-25 Q4"), ("2025-03-31", "2024-25 Q4"), ("2025-04-01", "2025-26 Q1")])
    func quarterBoundaries(date: String, quarter: String) {
        #expect(MonthKey.quarterLabel(MonthKey(Day(iso: date)!).quarter) == quarter)
    }

    @Test func otherPeriodsAreLabelledByTheirDates() {
        let period = ReportPeriod(from: Day(year: 2024, month: 5, day: 1)!, to: Day(year: 2024, month: 7, day: 31)!)
        #expect(period.label == "2024-05-01 to 2024-07-31")
        #expect(ReportDestination.defaultPath(for: period) == "Output/reports/attendance-2024-05-01-to-2024-07-31.html")
    }
}
