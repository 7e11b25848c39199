import Foundation

/// A calendar date with no time or time zone: what `date`, `revised` and `review_by` mean.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Only real dates: month 1-12 and a day that month has (leap years included).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses an ISO date, `YYYY-MM-DD`: digits where the form has them (no signs, as `Int` would take
    /// in `+024-05-14`), read on bytes.
    public init?(iso text: String) {
        // Read in place: copying the text into an array first was most of the cost (20,000 dates a large build).
        var text = text
        guard let day = text.withUTF8({ bytes -> Day? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for byte in bytes[range] {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return Day(year: y, month: m, day: d)
        }) else { return nil }
        self = day
    }

    /// Today in the UK, where the board works.
    public static func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// ISO form, `2015-06-01`.
    /// Ten bytes written straight (every list entry of every page asks for one); years are 1-9999.
    public var description: String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { bytes in
            Self.put(year, into: bytes, at: 4, width: 4)
            bytes[4] = UInt8(ascii: "-")
            Self.put(month, into: bytes, at: 7, width: 2)
            bytes[7] = UInt8(ascii: "-")
            Self.put(day, into: bytes, at: 10, width: 2)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `value` in `width` decimal digits ending before `end`.
    private static func put(_ value: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at end: Int, width: Int) {
        var value = value
        for index in (end - width..<end).reversed() {
            bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
    }

    static let monthNames: [StaticString] = ["January", "February", "March", "April", "May", "June", "July",
                                             "August", "September", "October", "November", "December"]

    /// British long form, `1 June 2015`, as the board writes dates. Written straight, as `description`
    /// is: interpolated, it cost 1,400 instructions a date, and a large build makes 77,000.
    public var longForm: String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { bytes in
            let dayWidth = day < 10 ? 1 : 2
            Self.put(day, into: bytes, at: dayWidth, width: dayWidth)
            bytes[dayWidth] = 0x20
            let name = Self.monthNames[month - 1]
            let nameEnd = dayWidth + 1 + name.utf8CodeUnitCount
            (bytes.baseAddress! + dayWidth + 1).update(from: name.utf8Start, count: name.utf8CodeUnitCount)
            bytes[nameEnd] = 0x20
            let yearWidth = year < 10 ? 1 : year < 100 ? 2 : year < 1000 ? 3 : 4
            Self.put(year, into: bytes, at: nameEnd + 1 + yearWidth, width: yearWidth)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(nameEnd + 1 + yearWidth)]), as: UTF8.self)
        }
    }
}
