import LearnsiteContent
import Testing
@testable import LearnsiteAttendance

/// Session dates in every form the contract allows, read day-first.
@Suite struct UKDateTests {
    static let may14 = Day(year: 2024, month: 5, day: 14)!

    @Test(arguments: ["2024-05-14", "2024/05/14", "14/05/2024", "14/5/2024", "14/05/24", "14-05-2024", "14.05.2024",
                      "14 May 2024", "14 May 24", "14 may 2024", "14 MAY 2024", "14-May-24",
                      "14th May 2024", "Tue 14 May 2024", "Tuesday, 14 May 2024", "14/05/2024 09:30", "2024-05-14T09:30:00",
                      "14 May 2024, 09:30"])
    func readsTheFourteenthOfMay(text: String) {
        #expect(UKDate.parse(text) == Self.may14, "\(text)")
    }

    @Test(arguments: [("3 Sept 2024", Day(year: 2024, month: 9, day: 3)!), ("3 September 2024", Day(year: 2024, month: 9, day: 3)!),
                      ("1 Jan 25", Day(year: 2025, month: 1, day: 1)!), ("29/02/2024", Day(year: 2024, month: 2, day: 29)!),
                      ("01/04/2025", Day(year: 2025, month: 4, day: 1)!), ("2/5/24", Day(year: 2024, month: 5, day: 2)!)])
    func monthNamesAndDayFirst(text: String, day: Day) {
        #expect(UKDate.parse(text) == day)
    }

    @Test(arguments: ["", "31/02/2025", "29/02/2025", "2024-13-01", "14 Mya 2024", "14/05", "May 14 2024", "14/05/024",
                      "14/05/2024 later", "yesterday", "2024-05-14x", "14//05/2024", "14/05-2024"])
    func rejectsWhatIsNotADate(text: String) {
        #expect(UKDate.parse(text) == nil, "\(text)")
    }

    @Test func dayNumbersCountDays() {
        #expect(Day(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(Day(year: 2024, month: 3, day: 1)!.dayNumber - Day(year: 2024, month: 2, day: 28)!.dayNumber == 2)
        #expect(Day(year: 2025, month: 1, day: 1)!.dayNumber - Day(year: 2024, month: 12, day: 31)!.dayNumber == 1)
    }
}
