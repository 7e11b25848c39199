import Testing
@testable import LearnsiteContent

@Suite struct DayTests {
    @Test func parsesISODates() throws {
        let day = try #require(Day(iso: "2015-06-01"))
        #expect(day.year == 2015)
        #expect(day.month == 6)
        #expect(day.day == 1)
        #expect(day == Day(year: 2015, month: 6, day: 1))
        #expect(day.description == "2015-06-01")
        #expect(Day(iso: "2024-12-31")?.description == "2024-12-31")
    }

    @Test(arguments: ["", "2015", "2015-06", "2015-6-1", "15-06-01", "2015/06/01", "01-06-2015", "2015-06-01T10:00",
                      "2015-06-01 ", "2015-13-01", "2015-00-10", "2015-06-00", "2015-06-31", "2015-04-31", "0000-01-01",
                      "June 2015", "2015-06--1", "2015--06-01", "+024-05-14", "2024-+5-14", "2024-05-+1", "２０２４-05-14"])
    func rejectsNonDates(_ text: String) {
        #expect(Day(iso: text) == nil, "\(text) should not parse")
    }

    @Test func leapYears() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "1900-02-29") == nil)
        #expect(Day(iso: "2000-02-29") != nil)
        #expect(Day(iso: "2023-02-28") != nil)
        #expect(Day(iso: "2024-02-30") == nil)
        #expect(Day.daysIn(month: 2, year: 2024) == 29)
        #expect(Day.daysIn(month: 2, year: 2023) == 28)
        #expect(Day.daysIn(month: 2, year: 1900) == 28)
        #expect(Day.daysIn(month: 2, year: 2000) == 29)
        #expect(Day.daysIn(month: 4, year: 2024) == 30)
        #expect(Day.daysIn(month: 12, year: 2024) == 31)
    }

    @Test func componentInitialiserChecksRanges() {
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 2024, month: 13, day: 1) == nil)
        #expect(Day(year: 2024, month: 0, day: 1) == nil)
        #expect(Day(year: 2024, month: 1, day: 0) == nil)
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        #expect(Day(year: 10000, month: 1, day: 1) == nil)
    }

    @Test func ordering() throws {
        let days = try ["2015-10-01", "2015-06-01", "2014-12-31", "2015-06-02", "2016-01-01"].map { try #require(Day(iso: $0)) }
        #expect(days.sorted().map(\.description) == ["2014-12-31", "2015-06-01", "2015-06-02", "2015-10-01", "2016-01-01"])
        #expect(try #require(Day(iso: "2015-12-31")) < (try #require(Day(iso: "2016-01-01"))))
        #expect(try #require(Day(iso: "2015-02-01")) < (try #require(Day(iso: "2015-10-01"))), "months compare as numbers, not text")
        #expect(!(try #require(Day(iso: "2015-06-01")) < (try #require(Day(iso: "2015-06-01")))))
        #expect(try #require(Day(iso: "2015-06-02")) > (try #require(Day(iso: "2015-06-01"))))
    }

    @Test func longForm() {
        #expect(Day(year: 2015, month: 6, day: 1)?.longForm == "1 June 2015")
        #expect(Day(year: 2024, month: 12, day: 25)?.longForm == "25 December 2024")
        #expect(Day(year: 2024, month: 9, day: 30)?.longForm == "30 September 2024")
        #expect(Day(year: 9999, month: 1, day: 10)?.longForm == "10 January 9999")
        #expect(Day(year: 7, month: 5, day: 9)?.longForm == "9 May 7" && Day(year: 999, month: 5, day: 19)?.longForm == "19 May 999")
        #expect(Day(year: 1, month: 5, day: 9)?.longForm == "9 May 1")
        #expect(Day(year: 2024, month: 1, day: 9)?.longForm == "9 January 2024")
    }

    @Test func descriptionPads() {
        #expect(Day(year: 987, month: 3, day: 4)?.description == "0987-03-04")
    }

    @Test func hashable() {
        let set: Set<Day?> = [Day(iso: "2015-06-01"), Day(year: 2015, month: 6, day: 1), Day(iso: "2015-06-02")]
        #expect(set.count == 2)
    }
}
