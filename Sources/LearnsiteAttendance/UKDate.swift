import LearnsiteContent

/// Session dates as registers write them, read day-first as in the UK: `2024-05-14` (or `2024/05/14`), `14/05/2024`,
/// `14/05/24`, `14-05-2024`, `14 May 2024`, `14 May 24`, `14-May-24`, `Tue 14th May 2024`. A time after
/// the date (`14/05/2024 09:30`, `2024-05-14T09:30:00`) is ignored. Two-digit years are 2000-2099.
public enum UKDate {
    public static func parse(_ text: String) -> Day? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        // The common case first: exactly `yyyy-mm-dd`.
        if bytes.count == 10, bytes[4] == 45, bytes[7] == 45,
           let y = number(bytes, 0, 4), let m = number(bytes, 5, 2), let d = number(bytes, 8, 2) {
            return Day(year: y, month: m, day: d)
        }
        var cursor = Cursor(bytes: bytes)
        cursor.skipWeekday()
        guard let first = cursor.digits() else { return nil }
        let day: Day?
        if first.length == 4 {
            guard let separator = cursor.peek, separator == 45 || separator == 47 else { return nil }
            cursor.advance()
            guard let m = cursor.digits(max: 2), cursor.skip(separator), let d = cursor.digits(max: 2) else { return nil }
            day = Day(year: first.value, month: m.value, day: d.value)
        } else if first.length <= 2 {
            cursor.skipOrdinal()
            let separator = cursor.peek
            if separator == 47 || separator == 46 || (separator == 45 && cursor.peekIsDigit(after: 1)) {
                cursor.advance()
                guard let m = cursor.digits(max: 2), cursor.skip(separator!), let y = cursor.year() else { return nil }
                day = Day(year: y, month: m.value, day: first.value)
            } else {
                guard cursor.skipSeparators(), let m = cursor.monthName(), cursor.skipSeparators(), let y = cursor.year() else { return nil }
                day = Day(year: y, month: m, day: first.value)
            }
        } else {
            return nil
        }
        return cursor.atEndOrTime() ? day : nil
    }

    @inline(__always)
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ length: Int) -> Int? {
        var value = 0
        for i in from..<(from + length) {
            let digit = Int(bytes[i]) - 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// Month names and their three-letter forms (and `sept`), packed lowercase into an integer so a
    /// date such as `14 May 2024` is read without making a `String`.
    private static let months: [(word: UInt64, month: Int)] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        var table = names.enumerated().flatMap { index, name in
            [(pack(name), index + 1), (pack(String(name.prefix(3))), index + 1)]
        }
        table.append((pack("sept"), 9))
        return table
    }()

    /// Up to 12 lowercase letters, five bits each (a-z are 1-26), so different words never pack alike.
    private static func pack(_ word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 5 | UInt64($1 - 96) }
    }

    private static let weekdays: Set<String> = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
                                                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }
        mutating func advance() { i += 1 }

        func peekIsDigit(after offset: Int) -> Bool {
            i + offset < bytes.count && (48...57).contains(bytes[i + offset])
        }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            i += 1
            return true
        }

        mutating func digits(max: Int = 4) -> (value: Int, length: Int)? {
            var value = 0, length = 0
            while let b = peek, (48...57).contains(b), length < max {
                value = value * 10 + Int(b - 48)
                length += 1
                i += 1
            }
            return length == 0 ? nil : (value, length)
        }

        /// Four digits, or two meaning 20yy.
        mutating func year() -> Int? {
            guard let y = digits(), y.length == 4 || y.length == 2 else { return nil }
            return y.length == 2 ? 2000 + y.value : y.value
        }

        mutating func letters() -> String {
            let from = i
            while let b = peek, (65...90).contains(b) || (97...122).contains(b) { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<i]), as: UTF8.self).lowercased()
        }

        mutating func monthName() -> Int? {
            var word: UInt64 = 0
            var length = 0
            while let b = peek, (65...90).contains(b) || (97...122).contains(b) {
                word = word << 5 | UInt64((b | 0x20) - 96)
                length += 1
                i += 1
            }
            guard length <= 12 else { return nil }
            return UKDate.months.first { $0.word == word }?.month
        }

        /// `14th`, `1st`, `2nd`, `3rd`.
        mutating func skipOrdinal() {
            guard let b = peek, b >= 65 else { return }
            let saved = i
            if !["st", "nd", "rd", "th"].contains(letters()) { i = saved }
        }

        /// `Tue `, `Tuesday, ` before the day.
        mutating func skipWeekday() {
            guard let b = peek, b >= 65 else { return }
            let saved = i
            guard UKDate.weekdays.contains(letters()) else { i = saved; return }
            _ = skip(44)
            guard skipSeparators() else { i = saved; return }
        }

        /// Spaces or a hyphen between day, month name and year; true when there was one.
        mutating func skipSeparators() -> Bool {
            let saved = i
            while let b = peek, b == 32 || b == 45 { i += 1 }
            return i > saved
        }

        /// Nothing left, or a time such as ` 09:30` or `T09:30:00`.
        mutating func atEndOrTime() -> Bool {
            guard let b = peek else { return true }
            guard b == 32 || b == 84 || b == 44 else { return false }
            i += 1
            while peek == 32 { i += 1 }
            guard let hour = digits(max: 2), hour.value < 24 else { return false }
            return skip(58)
        }
    }
}

extension Day {
    /// Days since 1 January 1970 (Howard Hinnant's `days_from_civil`), for counting days of notice.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
