import Foundation
import LearnsiteContent
import Yams

/// What the reports read from site.yml: the board's name and the `training:` settings.
/// ```
/// training:
///   notice_days: 3                          # working days' notice before a cancellation is late
///   charges: {half_day: 50, full_day: 90}   # pounds charged to the agency for a place not used
/// ```
/// A missing file or setting is not an error here: each report says what it could not do without it.
struct TrainingSettings {
    var boardName: String?
    var noticeDays: Int?
    var tariff: Tariff?

    static func load(siteFile: String) -> (TrainingSettings, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: siteFile),
              let site = (try? Yams.load(yaml: String(decoding: data, as: UTF8.self))) as? [String: Any] else {
            return (TrainingSettings(), [])
        }
        var settings = TrainingSettings(boardName: site["name"] as? String)
        var diagnostics: [Diagnostic] = []
        let training = site["training"] as? [String: Any] ?? [:]
        if let value = training["notice_days"] {
            if let days = value as? Int, days >= 0 {
                settings.noticeDays = days
            } else {
                diagnostics.append(Diagnostic(.warning, file: siteFile, "`training: notice_days` should be a whole number of working days, so late cancellations were not counted"))
            }
        }
        if let value = training["charges"] {
            let charges = value as? [String: Any] ?? [:]
            if let half = pence(charges["half_day"]), let full = pence(charges["full_day"]) {
                settings.tariff = Tariff(halfDay: half, fullDay: full)
            } else {
                diagnostics.append(Diagnostic(.warning, file: siteFile, "`training: charges` should give two amounts in pounds, like `charges: {half_day: 50, full_day: 90}`, so no charges can be worked out"))
            }
        }
        return (settings, diagnostics)
    }

    /// Pounds (`50` or `47.50`) as pence; nil for anything else.
    private static func pence(_ value: Any?) -> Int? {
        let pounds: Double? = (value as? Int).map(Double.init) ?? value as? Double
        guard let pounds, pounds >= 0, pounds < 1_000_000 else { return nil }
        return Int((pounds * 100).rounded())
    }
}

/// The charge to an agency for a place booked and not used, by the length of the course.
public struct Tariff: Sendable, Equatable {
    /// In pence, so sums are exact.
    public let halfDay: Int
    public let fullDay: Int

    public init(halfDay: Int, fullDay: Int) {
        self.halfDay = halfDay
        self.fullDay = fullDay
    }

    func charge(_ length: DayLength) -> Int { length == .half ? halfDay : fullDay }
}

/// How long a course runs, for the tariff, from the catalogue's `duration` text:
/// "half", "morning" or "afternoon" anywhere means a half day; otherwise a number of hours (`3 hours`,
/// `2.5 hrs`) or minutes (`90 minutes`) means a half day up to 4 hours and a full day beyond; otherwise
/// "day" (`full day`, `2 days`) means a full day. Anything else is unknown (nil): the charges report
/// warns and charges a full day.
enum DayLength: Sendable, Equatable {
    case half, full

    static let halfDayHours = 4.0

    init?(duration: String?) {
        guard let text = duration?.lowercased() else { return nil }
        if ["half", "morning", "afternoon"].contains(where: text.contains) {
            self = .half
        } else if let hours = DayLength.hours(in: text) {
            self = hours <= DayLength.halfDayHours ? .half : .full
        } else if text.contains("day") {
            self = .full
        } else {
            return nil
        }
    }

    private static func hours(in text: String) -> Double? {
        guard let match = text.firstMatch(of: /(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?)\b/),
              let number = Double(match.1) else { return nil }
        return match.2.hasPrefix("m") ? number / 60 : number
    }
}
