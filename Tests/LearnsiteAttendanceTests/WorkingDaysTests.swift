import LearnsiteContent
import LearnsiteTestSupport
import Testing
@testable import LearnsiteAttendance

private func day(_ text: String) -> Day { Day(iso: text)! }

/// Notice is counted in working days (Monday to Friday), and refreshers fall due on anniversaries.
@Suite struct WorkingDaysTests {
    /// For a Monday session (13 May 2024): the cancellation day counts when it is a weekday, the session day never.
    @Test(arguments: [("2024-05-06", 5), ("2024-05-08", 3), ("2024-05-09", 2), ("2024-05-10", 1), ("2024-05-11", 0),
                      ("2024-05-12", 0), ("2024-05-13", 0), ("2024-05-14", 0), ("2024-04-29", 10)])
    func noticeBeforeAMondaySession(cancelledOn: String, workingDays: Int) {
        #expect(WorkingDays.notice(cancelledOn: day(cancelledOn), session: day("2024-05-13")) == workingDays)
    }

    @Test func noticeWithinAWeekAndAcrossTheYearEnd() {
        #expect(WorkingDays.notice(cancelledOn: day("2024-05-14"), session: day("2024-05-17")) == 3)
        #expect(WorkingDays.notice(cancelledOn: day("2024-12-27"), session: day("2025-01-02")) == 4)
        #expect(WorkingDays.notice(cancelledOn: day("1969-12-26"), session: day("1970-01-05")) == 6)
    }

    /// notice_days is 3 in the fixtures: a weekend does not count as notice, as calendar days would.
    @Test func aCancellationOverTheWeekendIsLate() throws {
        let report = try report(registers: ["r.csv": """
        date,course,name,agency,status,cancelled_on
        13/05/2024,x,Wed Cancel,TVP,cancelled,08/05/2024
        13/05/2024,x,Thu Cancel,TVP,cancelled,09/05/2024
        13/05/2024,x,Fri Cancel,TVP,cancelled,10/05/2024
        13/05/2024,x,Sat Cancel,TVP,cancelled,11/05/2024

        """])
        #expect(report.totals.cancelled == 4)
        #expect(report.totals.lateCancellations == 3, "Thursday gives 2 working days (4 calendar days), Friday 1, Saturday 0")
    }

    @Test func anniversariesOfLeapDays() {
        #expect(day("2024-02-29").adding(years: 3) == day("2027-02-28"))
        #expect(day("2024-02-29").adding(years: 4) == day("2028-02-29"))
        #expect(day("2022-03-31").adding(years: 3) == day("2025-03-31"))
    }
}

/// The tariff: which course lengths are half days, and what site.yml says a place costs.
@Suite struct TariffTests {
    @Test(arguments: [("half day", DayLength.half), ("Half-day (morning)", .half), ("afternoon", .half), ("half day (3 hours)", .half),
                      ("3 hours", .half), ("3.5 hrs", .half), ("4 hours", .half), ("90 minutes", .half),
                      ("full day", .full), ("Full Day", .full), ("6 hours", .full), ("2 days", .full), ("1 day", .full)])
    func durationDecidesTheLength(duration: String, length: DayLength) {
        #expect(DayLength(duration: duration) == length)
    }

    @Test(arguments: [nil, "", "varies", "two sessions"])
    func anUnknownDurationHasNoLength(duration: String?) {
        #expect(DayLength(duration: duration) == nil)
    }

    @Test func chargesAreReadInPoundsAndKeptInPence() {
        let folder = TemporaryFolder()
        let (settings, diagnostics) = TrainingSettings.load(siteFile: folder.write("site.yml", "name: Board\ntraining:\n  notice_days: 2\n  charges: {half_day: 47.5, full_day: 90}\n"))
        #expect(diagnostics.isEmpty)
        #expect(settings.tariff == Tariff(halfDay: 4750, fullDay: 9000))
        #expect(settings.noticeDays == 2 && settings.boardName == "Board")
        let (broken, problems) = TrainingSettings.load(siteFile: folder.write("site.yml", "name: Board\ntraining:\n  charges: {half_day: £50}\n"))
        #expect(broken.tariff == nil)
        #expect(problems.first?.message.contains("charges: {half_day: 50, full_day: 90}") == true)
    }

    @Test func eachPlaceIsChargedByItsCourseLength() throws {
        let report = try records("""
        date,course,name,agency,status,cancelled_on
        14/05/2024,Safeguarding children foundation,Full Dayer,TVP,dna,
        14/05/2024,CSE awareness,Half Dayer,TVP,dna,
        14/05/2024,Neglect toolkit,Unknown Length,TVP,dna,

        """)
        let charges = try #require(ChargesReport(report))
        #expect(charges.agencies.map(\.amount) == [9000 + 5000 + 9000])
        let warning = try #require(charges.warnings.first)
        #expect(charges.warnings.count == 1)
        #expect(warning.line == 4 && warning.message.contains("“Neglect toolkit” is not in the course catalogue") && warning.message.contains("full day"))
    }
}

