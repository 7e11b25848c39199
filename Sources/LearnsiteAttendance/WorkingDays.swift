import LearnsiteContent

/// Calendar arithmetic the manager reports need: working days of notice and refresher anniversaries.
/// Bank holidays are not known (they differ across the UK's nations), so they count as working days.
public enum WorkingDays {
    /// Working days (Monday to Friday) from the day a cancellation was made up to the session, counting
    /// the cancellation day itself when it is a weekday and never the session day: cancelling on a
    /// Wednesday for a Monday session gives 3 (Wednesday, Thursday, Friday); on a Saturday, 0. A
    /// cancellation on or after the session day gives 0.
    public static func notice(cancelledOn: Day, session: Day) -> Int {
        let from = cancelledOn.dayNumber, to = session.dayNumber
        guard from < to else { return 0 }
        return before(to) - before(from)
    }

    /// Working days from a fixed Monday (day number -3, 29 December 1969) up to, not including, `day`.
    private static func before(_ day: Int) -> Int {
        let offset = day + 3
        let weeks = offset >= 0 ? offset / 7 : (offset - 6) / 7
        return weeks * 5 + min(offset - weeks * 7, 5)
    }
}

extension Day {
    /// The same date `years` later; 29 February becomes 28 February in a year that has none, so a
    /// refresher is never due later than the full number of years.
    func adding(years: Int) -> Day {
        let year = self.year + years
        return Day(year: year, month: month, day: min(day, Day.daysIn(month: month, year: year)))!
    }
}
