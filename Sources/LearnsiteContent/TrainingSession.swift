/// One scheduled session of the public training calendar (`training/sessions.csv`).
public struct TrainingSession: Sendable, Equatable {
    /// The course's slug (its file name in `training/courses/`).
    public let course: String
    public let date: Day
    public let start: String?
    public let end: String?
    public let venue: String?
    public let places: Int?
    public let bookingURL: String?
    /// Who runs it, when the optional `trainer` column says (printed on the sign-in sheet).
    public let trainer: String?

    public init(course: String, date: Day, start: String? = nil, end: String? = nil, venue: String? = nil,
                places: Int? = nil, bookingURL: String? = nil, trainer: String? = nil) {
        self.course = course
        self.date = date
        self.start = start
        self.end = end
        self.venue = venue
        self.places = places
        self.bookingURL = bookingURL
        self.trainer = trainer
    }
}

/// Reads the rows of `training/sessions.csv` (the header row first) into sessions, one diagnostic per bad row.
enum SessionsFile {
    static let columns = ["course", "date", "start", "end", "venue", "places", "booking_url"]

    static func sessions(from rows: [(line: Int, fields: [String])], file: String, courses: Set<String>,
                         log: inout DiagnosticLog) -> [TrainingSession] {
        guard let header = rows.first else { return [] }
        let names = header.fields.map { $0.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_") }
        guard let courseColumn = names.firstIndex(of: "course"), let dateColumn = names.firstIndex(of: "date") else {
            log.error(file, line: header.line, "the first row should name the columns: \(columns.joined(separator: ","))")
            return []
        }
        func value(_ fields: [String], _ name: String) -> String? {
            guard let index = names.firstIndex(of: name), index < fields.count else { return nil }
            let text = fields[index].trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        return rows.dropFirst().compactMap { row in
            guard row.fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
            let course = row.fields.indices.contains(courseColumn) ? row.fields[courseColumn].trimmingCharacters(in: .whitespaces) : ""
            let dateText = row.fields.indices.contains(dateColumn) ? row.fields[dateColumn].trimmingCharacters(in: .whitespaces) : ""
            guard let date = Day(iso: dateText) else {
                log.error(file, line: row.line, "`\(dateText)` is not a date; write session dates as year-month-day, e.g. 2027-01-21")
                return nil
            }
            if !courses.contains(course) {
                log.warning(file, line: row.line, "the course `\(course)` has no page in training/courses/; use the course's file name without .md")
            }
            var places: Int?
            if let text = value(row.fields, "places") {
                places = Int(text)
                if places == nil { log.warning(file, line: row.line, "`places: \(text)` should be a whole number") }
            }
            return TrainingSession(course: course, date: date, start: value(row.fields, "start"), end: value(row.fields, "end"),
                                   venue: value(row.fields, "venue"), places: places, bookingURL: value(row.fields, "booking_url"),
                                   trainer: value(row.fields, "trainer"))
        }
    }
}
